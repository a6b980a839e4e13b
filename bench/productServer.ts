/**
 * The product as it runs in production (server.ts, production build, its own fresh SQLite
 * database in a temporary folder), started for a benchmark and stopped afterwards.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureBuild } from "@/scripts/ensureBuild";
import { stopProcess, waitFor } from "@/tests/support/processes";

const root = path.resolve(import.meta.dirname, "..");

/** The demo accounts' password of benchmark servers (explicit: production refuses the README one). */
export const BENCH_DEMO_PASSWORD = "bench-only-Lk4#pw";

export interface ProductServer {
  base: string;
  /** DATABASE_URL of its database. */
  databaseUrl: string;
  /** Its temporary folder (database, files), removed by stop(). */
  dir: string;
  /** The server's process id (for its CPU time). */
  pid: number;
  stop(): Promise<void>;
}

export { stopProcess, waitFor };

/** Starts the production server; on its own fresh SQLite file unless `databaseUrl` names another database. */
export async function startProductServer(port: number, name: string, options: { databaseUrl?: string } = {}): Promise<ProductServer> {
  ensureBuild();
  const dir = mkdtempSync(path.join(os.tmpdir(), `hrss-${name}-`));
  const databaseUrl = options.databaseUrl ?? `file:${path.join(dir, "bench.db")}`;
  const base = `http://127.0.0.1:${port}`;
  // BENCH_PROFILE=<folder>: the server writes a CPU profile there when it stops (for finding where the time goes).
  const profile = process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", path.join(root, "server.ts")], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: databaseUrl, DATA_DIR: path.join(dir, "files"), DEMO_PASSWORD: BENCH_DEMO_PASSWORD },
  });
  const stop = async () => {
    await stopProcess(child);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitFor(`${base}/login`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { base, databaseUrl, dir, stop, pid: child.pid! };
}
