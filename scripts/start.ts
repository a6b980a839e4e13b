/**
 * `npm start`: build the app when there is no build or the sources are newer, then run
 * the production server (migrating and seeding the embedded database on first start).
 */
import { spawnSync, spawn } from "node:child_process";
import { existsSync, statSync, readdirSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function needsBuild(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return ["app", "designer", "runtime"].some((d) => existsSync(path.join(root, d)) && newestMtime(path.join(root, d)) > built);
}

if (!dev && needsBuild()) {
  console.log("正在构建应用（首次启动或代码已更新）…");
  const build = spawnSync("npx", ["next", "build"], { cwd: root, stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn(process.execPath, ["--import", "tsx", path.join(root, "server.ts"), ...(dev ? ["--dev"] : [])], {
  cwd: root,
  stdio: "inherit",
  env: { ...env, NODE_ENV: dev ? "development" : "production" },
});
server.on("exit", (code) => process.exit(code ?? 0));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
