/**
 * `npm run simulator`: the simulated external systems (scripts/simulator/server.ts) on
 * SIMULATOR_PORT (4100), for the demo: start the platform with
 * `CONNECTOR_BASE_URL=http://127.0.0.1:4100`. `--slow=<connector>`, `--failing=<connector>`,
 * `--malformed=<connector>` (or `*`) set a switch at start; SIMULATOR_TOKEN requires a bearer token.
 */
import { startSimulator, type Mode } from "./simulator/server";

const port = Number(process.env.SIMULATOR_PORT ?? 4100);
const simulator = await startSimulator({ port, host: process.env.SIMULATOR_HOST ?? "127.0.0.1", token: process.env.SIMULATOR_TOKEN || undefined });
for (const arg of process.argv.slice(2)) {
  const match = /^--(slow|failing|malformed)=(.+)$/.exec(arg);
  if (match) simulator.setMode(match[2], match[1] as Mode);
}
console.log(`外部系统模拟器已启动：${simulator.url}（平台设置 CONNECTOR_BASE_URL=${simulator.url}）`);
const stop = () => void simulator.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
