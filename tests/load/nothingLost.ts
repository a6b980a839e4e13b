/**
 * Nothing lost under load, nor when the server is killed (issue "Nothing lost", items 1–2).
 * Against the production server (server.ts, production build) on SQLite and on PostgreSQL:
 *  1. thousands of concurrent submissions, a tenth of them sent twice at once (same key);
 *  2. kill -9 of the server in the middle of a second wave, restart on the same database,
 *     the second wave's keys sent again;
 *  3. two caseworkers racing to claim the same tasks, acting on the ones they won (受理, or
 *     一次性告知), the applicant answering the corrections;
 * also two instances on one PostgreSQL database behind one port, started together on the empty
 * database, one of them killed mid-wave; then plain SQL: every acknowledged submission stored exactly once and under the case number
 * it was answered with, case numbers unique and gapless for the day, no task claimed twice,
 * each case's tasks and status matching its engine state, the audit chain intact, and (SQLite)
 * `PRAGMA integrity_check` passing. Prints one summary line per database and, last, the plain
 * `N passed, N failed` line the test command adds up. Loopback only; bounded in count and time.
 */
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { createDb, sqliteFilePath } from "@/runtime/db";
import type { CaseState } from "@/runtime/engine";
import { applicationStatus } from "@/runtime/engine/status";
import { verifyAuditTrail } from "@/runtime/write/auditVerify";
import { addUser } from "@/seed/addUser";
import { ensureBuild } from "@/scripts/ensureBuild";
import { exampleDefinition, publishService, VALID_ID } from "../support/fixtures";
import { replayProblems } from "@/runtime/features/cases/replayCheck";
import { pgClusterUnavailableReason, startPgCluster, freePort } from "../support/pgCluster";
import { stopProcess, waitFor } from "../support/processes";

const ROOT = path.resolve(import.meta.dirname, "../..");
const PASSWORD = "load-only-Xy8#pw";
const SUBMISSIONS = Number(process.env.LOAD_SUBMISSIONS ?? 1500);
const CONCURRENCY = 40;
const CODE = "load-unemployment";

interface Check {
  name: string;
  ok: boolean;
  detail?: string;
}

const form = (i: number) => ({
  registration: { name: "王五", idNumber: VALID_ID, phone: "13912345678", lostJobOn: "2026-11-20", reason: i % 2 ? "单位解除" : "个人辞职", attestation: true },
});

// ------------------------------------------------------------------ the server

class Server {
  child: ChildProcess | null = null;
  constructor(
    readonly port: number,
    readonly env: Record<string, string>,
  ) {}
  get base() {
    return `http://127.0.0.1:${this.port}`;
  }
  async start() {
    this.child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "server.ts")], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, NODE_ENV: "production", HOST: "127.0.0.1", PORT: String(this.port), DEMO_PASSWORD: PASSWORD, ...this.env },
    });
    await waitFor(`${this.base}/login`, 120_000);
  }
  kill(signal: NodeJS.Signals) {
    return this.child ? stopProcess(this.child, signal) : Promise.resolve();
  }
}

/**
 * Two instances on one PostgreSQL database behind one port (a small round-robin proxy), started
 * together on the empty database. `kill` takes one instance down (the other keeps serving),
 * `start` brings it back.
 */
class Pair {
  readonly a: Server;
  readonly b: Server;
  private proxy: http.Server | null = null;
  private turn = 0;
  constructor(
    readonly port: number,
    ports: [number, number],
    env: Record<string, string>,
  ) {
    this.a = new Server(ports[0], env);
    this.b = new Server(ports[1], env);
  }
  get base() {
    return `http://127.0.0.1:${this.port}`;
  }
  async start() {
    if (!this.proxy) {
      await Promise.all([this.a.start(), this.b.start()]);
      this.proxy = http.createServer((req, res) => {
        const target = this.turn++ % 2 === 0 ? this.a : this.b;
        const upstream = http.request({ host: "127.0.0.1", port: target.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        });
        upstream.on("error", () => {
          if (!res.headersSent) res.writeHead(502);
          res.end();
        });
        req.pipe(upstream);
      });
      await new Promise<void>((resolve) => this.proxy!.listen(this.port, "127.0.0.1", () => resolve()));
      return;
    }
    await this.a.start();
  }
  async kill(signal: NodeJS.Signals) {
    if (signal === "SIGKILL") return this.a.kill(signal);
    await Promise.all([this.a.kill(signal), this.b.kill(signal)]);
    await new Promise((resolve) => this.proxy?.close(resolve));
  }
}

type Front = Server | Pair;

// ------------------------------------------------------------------ a browser-like client

class Client {
  cookie = "";
  csrf = "";
  constructor(readonly server: Front) {}
  async signIn(username: string) {
    const res = await fetch(`${this.server.base}/api/trpc/auth.signIn`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    if (!res.ok) throw new Error(`${username} sign-in failed: ${res.status}`);
    const cookies = res.headers.getSetCookie().map((c) => c.split(";")[0]);
    this.cookie = cookies.join("; ");
    this.csrf = decodeURIComponent(cookies.find((c) => c.startsWith("hrss_csrf="))?.split("=")[1] ?? "");
    return this;
  }
  async call<T>(procedure: string, input: unknown, method: "GET" | "POST" = "POST"): Promise<{ status: number; data?: T }> {
    const url = `${this.server.base}/api/trpc/${procedure}${method === "GET" ? `?input=${encodeURIComponent(JSON.stringify(input ?? {}))}` : ""}`;
    const res = await fetch(url, {
      method,
      headers: { "content-type": "application/json", cookie: this.cookie, "x-csrf-token": this.csrf },
      body: method === "POST" ? JSON.stringify(input) : undefined,
    });
    const body = (await res.json().catch(() => null)) as { result?: { data: T } } | null;
    return { status: res.status, data: body?.result?.data };
  }
}

async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

// ------------------------------------------------------------------ one database

async function runOn(kind: "sqlite" | "postgres" | "postgres×2", databaseUrl: string, dir: string): Promise<Check[]> {
  const env = { DATABASE_URL: databaseUrl, DATA_DIR: path.join(dir, "files") };
  const server: Front = kind === "postgres×2" ? new Pair(await freePort(), [await freePort(), await freePort()], env) : new Server(await freePort(), env);
  await server.start(); // migrates and seeds (both instances at once for the pair)
  const db = createDb(databaseUrl);
  const checks: Check[] = [];
  const check = (name: string, ok: boolean, detail?: string) => checks.push({ name: `${kind}: ${name}`, ok, detail });
  try {
    await publishService(db, { ...exampleDefinition(), code: CODE });
    await addUser(db, { username: "load.caseworker2", password: PASSWORD, organisationId: "150102", role: "caseworker", displayName: "压测经办二" });

    const applicant = await new Client(server).signIn("zhangsan");
    const acknowledged = new Map<string, string>(); // key → case number answered
    let sent = 0;
    const submit = async (key: string, i: number) => {
      sent++;
      try {
        const res = await applicant.call<{ caseNumber: string }>("applications.submitDirect", { code: CODE, officeId: "150102", formData: form(i), idempotencyKey: key });
        if (res.status === 200 && res.data) {
          const earlier = acknowledged.get(key);
          if (earlier && earlier !== res.data.caseNumber) check(`key ${key} answered with two case numbers`, false, `${earlier} / ${res.data.caseNumber}`);
          acknowledged.set(key, res.data.caseNumber);
        }
      } catch {
        /* connection refused while the server is down: not acknowledged */
      }
    };

    // 1. Load: every tenth key sent twice at the same moment.
    const first = Array.from({ length: SUBMISSIONS }, (_, i) => i);
    await pool(first, CONCURRENCY, async (i) => {
      const key = `load-${kind}-a-${String(i).padStart(6, "0")}`;
      await Promise.all(i % 10 === 0 ? [submit(key, i), submit(key, i)] : [submit(key, i)]);
    });

    // 2. Crash: kill -9 in the middle of a second wave, restart, send the whole wave again.
    const second = Array.from({ length: Math.round(SUBMISSIONS / 2) }, (_, i) => i);
    const waveKeys = second.map((i) => `load-${kind}-b-${String(i).padStart(6, "0")}`);
    let killed: Promise<void> | null = null;
    await pool(second, CONCURRENCY, async (i) => {
      await submit(waveKeys[i], i);
      // Killed once a third of the wave is answered, with the rest in flight or not yet sent.
      if (!killed && waveKeys.filter((k) => acknowledged.has(k)).length >= second.length / 3) killed = server.kill("SIGKILL");
    });
    await killed;
    const answeredBeforeKill = waveKeys.filter((k) => acknowledged.has(k)).length;
    check("the server was killed in the middle of the wave", answeredBeforeKill > 0 && answeredBeforeKill < second.length, `${answeredBeforeKill} of ${second.length} answered`);
    const beforeRestart = new Map(acknowledged);
    await server.start();
    await applicant.signIn("zhangsan");
    await pool(second, CONCURRENCY, (i) => submit(`load-${kind}-b-${String(i).padStart(6, "0")}`, i));
    for (const [key, number] of beforeRestart) {
      if (acknowledged.get(key) !== number) check("a re-sent key after the crash answers with the same case", false, `${key}: ${number} → ${acknowledged.get(key)}`);
    }

    // 3. Two caseworkers race for the same tasks; the winner acts.
    const workers = [await new Client(server).signIn("xincheng.caseworker"), await new Client(server).signIn("load.caseworker2")];
    const open = await db.task.findMany({
      where: { officeId: "150102", status: "open", role: "caseworker", application: { service: { code: CODE } } },
      select: { id: true, applicationId: true },
      take: 400,
    });
    const corrections: string[] = [];
    let conflicts = 0;
    await pool(open, 20, async (task) => {
      const claims = await Promise.all(workers.map((w) => w.call("workbench.claim", { taskId: task.id })));
      conflicts += claims.filter((c) => c.status === 409).length;
      const winner = workers[claims.findIndex((c) => c.status === 200)];
      if (!winner) return;
      const row = await db.application.findUniqueOrThrow({ where: { id: task.applicationId }, select: { rowVersion: true } });
      const correction = corrections.length < open.length / 4;
      const act = await winner.call("workbench.act", {
        applicationId: task.applicationId,
        taskId: task.id,
        actionId: correction ? "askCorrection" : "accept",
        confirmedRisks: correction ? undefined : ["risk-0"],
        comment: correction ? "失业时间填写有误" : undefined,
        correctionItems: correction ? ["失业时间填写有误"] : undefined,
        rowVersion: row.rowVersion,
      });
      if (act.status === 200 && correction) corrections.push(task.applicationId);
    });
    await pool(corrections, 20, async (id) => {
      const row = await db.application.findUniqueOrThrow({ where: { id }, select: { rowVersion: true, formData: true } });
      const answered = { registration: { ...form(1).registration, lostJobOn: "2026-11-19" } };
      const res = await applicant.call("applications.answerCorrection", { id, formData: answered, rowVersion: row.rowVersion });
      if (res.status !== 200) check("a correction answer is accepted", false, `${id}: ${res.status}`);
    });

    // ---------------------------------------------------------------- the checks, in plain SQL
    const applicantId = (await db.user.findUniqueOrThrow({ where: { username: "zhangsan" } })).id;
    const stored = await db.application.findMany({
      where: { applicantId, idempotencyKey: { startsWith: `load-${kind}-` } },
      select: { id: true, idempotencyKey: true, caseNumber: true, status: true, engineState: true, serviceVersion: { select: { definition: true } } },
    });
    const byKey = new Map<string, number>();
    for (const row of stored) byKey.set(row.idempotencyKey!, (byKey.get(row.idempotencyKey!) ?? 0) + 1);
    const lost = [...acknowledged].filter(([key, number]) => !stored.some((r) => r.idempotencyKey === key && r.caseNumber === number));
    const duplicated = [...byKey].filter(([, n]) => n > 1);
    check("every acknowledged submission is stored, under the number it was answered with", lost.length === 0, lost.slice(0, 3).join("; "));
    check("no submission is stored twice", duplicated.length === 0, duplicated.slice(0, 3).join("; "));

    const numbers = (await db.application.findMany({ where: { caseNumber: { not: null } }, select: { caseNumber: true } })).map((r) => r.caseNumber!);
    const byDay = new Map<string, number[]>();
    for (const n of numbers) byDay.set(n.slice(0, 10), [...(byDay.get(n.slice(0, 10)) ?? []), Number(n.slice(10))]);
    const gaps = [...byDay].filter(([, seq]) => {
      const sorted = [...seq].sort((a, b) => a - b);
      return new Set(sorted).size !== sorted.length || sorted.some((v, i) => v !== i + 1);
    });
    check("case numbers are unique and gapless for each day", gaps.length === 0, gaps.map(([d]) => d).join(", "));

    const claimedTwice = await db.auditEvent.groupBy({ by: ["entityId"], where: { action: "claim", entityType: "task" }, _count: true, having: { entityId: { _count: { gt: 1 } } } });
    check("no task is claimed by two caseworkers", claimedTwice.length === 0 && conflicts > 0, `${claimedTwice.length} tasks claimed twice; ${conflicts} refused claims`);

    let mismatched = 0;
    for (const row of stored) {
      const state = row.engineState as unknown as CaseState;
      const tasks = await db.task.findMany({ where: { applicationId: row.id, status: { in: ["open", "claimed"] } }, select: { id: true } });
      const expected = state.tasks.map((t) => `${row.id}.${t.taskId}`).sort();
      if (applicationStatus(state) !== row.status || JSON.stringify(tasks.map((t) => t.id).sort()) !== JSON.stringify(expected)) mismatched++;
    }
    check("each case's open tasks and status are those of its engine state", mismatched === 0, `${mismatched} cases differ`);
    const replay = await replayProblems(db, stored.map((r) => r.id));
    check(
      "each case's audit trail replays to its stored state",
      replay.problems.length === 0 && replay.checked === stored.length,
      `${replay.checked} of ${stored.length} checked; ${replay.problems.slice(0, 3).map((p) => `${p.caseNumber}: ${p.problem}`).join("; ")}`,
    );

    const audit = await verifyAuditTrail(db);
    check("the audit trail's chain is intact", audit.ok, audit.problems.slice(0, 3).join("; "));
    if (kind === "sqlite") {
      const raw = new Database(sqliteFilePath(databaseUrl), { readonly: true });
      const integrity = raw.pragma("integrity_check", { simple: true });
      raw.close();
      check("PRAGMA integrity_check passes after the crash", integrity === "ok", String(integrity));
    }
    if (!checks.some((c) => c.name.endsWith("answered with two case numbers"))) check("a key sent twice at once answers with one case", true);
    if (server instanceof Pair) {
      const tickers = await db.lease.findMany({ where: { name: "timers" } });
      check("one lease row for the scheduler, whichever instance holds it", tickers.length <= 1, `${tickers.length} rows`);
    }
    console.log(
      `负载测试（${kind}）：sent ${sent}, acknowledged ${acknowledged.size}, stored ${stored.length}, lost ${lost.length}, duplicated ${duplicated.length}; ` +
        `killed with ${answeredBeforeKill} of ${second.length} of a wave answered; claims refused ${conflicts}, corrections ${corrections.length}`,
    );
    return checks;
  } finally {
    await db.$disconnect();
    await server.kill("SIGTERM");
  }
}

// ------------------------------------------------------------------ PostgreSQL down at start

async function startWhileDown(cluster: Awaited<ReturnType<typeof startPgCluster>>, dir: string): Promise<Check[]> {
  const url = await cluster.createDatabase("load_outage");
  cluster.pause();
  const server = new Server(await freePort(), { DATABASE_URL: url, DATA_DIR: path.join(dir, "outage-files") });
  const checks: Check[] = [];
  const probe = async (path: string) => (await fetch(`${server.base}${path}`).catch(() => null))?.status ?? 0;
  try {
    const starting = server.start(); // resolves once /login answers below 500: only after the database is back
    let alive = 0;
    let notReady = 0;
    for (let i = 0; i < 40 && !(alive === 200 && notReady === 503); i++) {
      await new Promise((r) => setTimeout(r, 250));
      alive = await probe("/healthz");
      notReady = await probe("/readyz");
    }
    checks.push({ name: "postgres down at start: alive, not ready, waiting", ok: alive === 200 && notReady === 503, detail: `healthz ${alive}, readyz ${notReady}` });
    cluster.resume();
    await starting;
    checks.push({ name: "postgres back: the waiting server becomes ready by itself", ok: (await probe("/readyz")) === 200 });
  } finally {
    await server.kill("SIGTERM");
  }
  return checks;
}

// ------------------------------------------------------------------ main

ensureBuild();
const results: Check[] = [];
const dir = mkdtempSync(path.join(os.tmpdir(), "hrss-load-"));
try {
  results.push(...(await runOn("sqlite", `file:${path.join(dir, "load.db")}`, path.join(dir, "sqlite"))));
  const unavailable = pgClusterUnavailableReason();
  if (unavailable) {
    if (process.env.REQUIRE_PG === "1") results.push({ name: "postgres: available", ok: false, detail: unavailable });
    else console.log(`负载测试（postgres）已跳过：${unavailable}`);
  } else {
    const cluster = await startPgCluster({ database: "load" });
    try {
      results.push(...(await runOn("postgres", cluster.url, path.join(dir, "postgres"))));
      results.push(...(await startWhileDown(cluster, dir)));
      results.push(...(await runOn("postgres×2", await cluster.createDatabase("load_pair"), path.join(dir, "pair"))));
    } finally {
      await cluster.stop();
    }
  }
} catch (error) {
  results.push({ name: "the load test ran to the end", ok: false, detail: String((error as Error).stack ?? error) });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
for (const r of results) console.log(`${r.ok ? "✓" : "✗"} ${r.name}${r.ok || !r.detail ? "" : ` — ${r.detail}`}`);
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
if (process.env.LOAD_RESULT_FILE) writeFileSync(process.env.LOAD_RESULT_FILE, JSON.stringify({ passed, failed }));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
