/**
 * A throwaway PostgreSQL cluster for tests and tooling: initdb into a temporary folder (as the
 * `postgres` user when running as root — initdb refuses root), start on 127.0.0.1 at a free port
 * with fsync=off, create a database, and hand back its URL and a stop function that deletes
 * everything.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export interface PgCluster {
  host: string;
  port: number;
  user: string;
  /** The database created at start. */
  database: string;
  /** postgresql://user@127.0.0.1:port/<database> */
  url: string;
  /** URL of another database on this cluster. */
  urlFor(database: string): string;
  /** Create a database on this cluster and return its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stop the server and delete its folder. Idempotent. */
  stop(): Promise<void>;
  /** Stop the server, keeping its data (a database outage); `resume` starts it again on the same port. */
  pause(): void;
  resume(): void;
}

export interface StartPgClusterOptions {
  /** Database to create (default "app"). */
  database?: string;
  /** Folder of the PostgreSQL binaries (default: env PG_BIN, else the newest /usr/lib/postgresql/<v>/bin). */
  binDir?: string;
  /** Extra `-c name=value` server settings. */
  settings?: Record<string, string | number>;
}

const SUPERUSER = "postgres";

/** Set by vitest.global-setup.ts when it could not start PostgreSQL (and REQUIRE_PG is not set). */
export const PG_UNAVAILABLE_ENV = "TEST_PG_UNAVAILABLE";

/** Folder holding initdb/pg_ctl, or null when PostgreSQL is not installed. */
export function findPgBinDir(): string | null {
  const candidates: string[] = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const base = "/usr/lib/postgresql";
  if (existsSync(base)) {
    const versions = readdirSync(base)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) candidates.push(path.join(base, v, "bin"));
  }
  for (const dir of candidates) {
    if (existsSync(path.join(dir, "initdb")) && existsSync(path.join(dir, "pg_ctl"))) return dir;
  }
  return null;
}

function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

function postgresIds(): { uid: number; gid: number } | null {
  try {
    const uid = Number(execFileSync("id", ["-u", SUPERUSER], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", SUPERUSER], { encoding: "utf8" }).trim());
    return Number.isFinite(uid) && Number.isFinite(gid) ? { uid, gid } : null;
  } catch {
    return null;
  }
}

/** Why a cluster cannot be started here, or null when it probably can. Cheap and synchronous. */
export function pgClusterUnavailableReason(): string | null {
  if (!findPgBinDir()) return "PostgreSQL binaries not found (set PG_BIN or install postgresql)";
  if (isRoot() && !postgresIds()) return "running as root but there is no `postgres` user to run initdb as";
  return null;
}

/** Run a PostgreSQL binary, as the postgres user when we are root. */
function runPg(binDir: string, tool: string, args: string[], opts: { allowFail?: boolean } = {}): string {
  const exe = path.join(binDir, tool);
  const [cmd, argv] = isRoot() ? ["runuser", ["-u", SUPERUSER, "--", exe, ...args]] : [exe, args];
  const res = spawnSync(cmd, argv, { encoding: "utf8", cwd: os.tmpdir(), env: { ...process.env, LC_ALL: "C" } });
  if (res.status !== 0 && !opts.allowFail) {
    throw new Error(`${tool} failed (exit ${res.status ?? res.signal}): ${(res.stderr || res.stdout || String(res.error)).trim()}`);
  }
  return res.stdout;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export async function startPgCluster(options: StartPgClusterOptions = {}): Promise<PgCluster> {
  const reason = pgClusterUnavailableReason();
  const binDir = options.binDir ?? findPgBinDir();
  if (!binDir || (reason && !options.binDir)) throw new Error(`Cannot start PostgreSQL: ${reason}`);

  const root = mkdtempSync(path.join(os.tmpdir(), "pgtest-"));
  const ids = isRoot() ? postgresIds() : null;
  if (ids) chownSync(root, ids.uid, ids.gid);
  const dataDir = path.join(root, "data");
  const database = options.database ?? "app";
  const host = "127.0.0.1";
  let stopped = false;
  let started = false;

  const stopSync = () => {
    if (stopped) return;
    stopped = true;
    if (started) runPg(binDir, "pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"], { allowFail: true });
    rmSync(root, { recursive: true, force: true });
  };
  const onExit = () => stopSync();
  process.once("exit", onExit);

  try {
    runPg(binDir, "initdb", [
      "-D", dataDir, "-U", SUPERUSER, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions",
    ]);
    const settings: Record<string, string | number> = {
      listen_addresses: host,
      unix_socket_directories: root,
      fsync: "off",
      synchronous_commit: "off",
      full_page_writes: "off",
      max_connections: 200,
      shared_buffers: "64MB",
      ...options.settings,
    };
    // A port may be taken between freePort() and the server's bind: retry a few times.
    let port = 0;
    let opts = "";
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      opts = [`-p ${port}`, ...Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`)].join(" ");
      try {
        runPg(binDir, "pg_ctl", ["-D", dataDir, "-l", path.join(root, "server.log"), "-o", opts, "-w", "-t", "60", "start"]);
        started = true;
        break;
      } catch (err) {
        const log = existsSync(path.join(root, "server.log")) ? readFileSync(path.join(root, "server.log"), "utf8") : "";
        if (attempt < 3 && /could not bind|address already in use/i.test(log)) continue;
        throw new Error(`${(err as Error).message}\n${log.slice(-2000)}`);
      }
    }

    const urlFor = (db: string) => `postgresql://${SUPERUSER}@${host}:${port}/${encodeURIComponent(db)}`;
    const createDatabase = async (name: string) => {
      const admin = new pg.Client({ host, port, user: SUPERUSER, database: "postgres" });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${quoteIdent(name)}`);
      } finally {
        await admin.end();
      }
      return urlFor(name);
    };
    const url = await createDatabase(database);
    return {
      host,
      port,
      user: SUPERUSER,
      database,
      url,
      urlFor,
      createDatabase,
      stop: async () => {
        process.removeListener("exit", onExit);
        stopSync();
      },
      pause: () => {
        runPg(binDir, "pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "stop"]);
      },
      resume: () => {
        runPg(binDir, "pg_ctl", ["-D", dataDir, "-l", path.join(root, "server.log"), "-o", opts, "-w", "-t", "60", "start"]);
      },
    };
  } catch (err) {
    process.removeListener("exit", onExit);
    stopSync();
    throw err;
  }
}
