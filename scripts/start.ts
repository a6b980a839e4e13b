/**
 * `npm start`: build the app when there is no build or the sources are newer, then run
 * the production server (migrating and seeding the embedded database on first start).
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { ensureBuild } from "./ensureBuild";

const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");

if (!dev) ensureBuild();

const server = spawn(process.execPath, ["--import", "tsx", path.join(root, "server.ts"), ...(dev ? ["--dev"] : [])], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1", NODE_ENV: dev ? "development" : "production" },
});
server.on("exit", (code) => process.exit(code ?? 0));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
