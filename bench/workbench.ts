/**
 * The caseworker's side under a realistic amount of data, served as in production
 * (server.ts, production build, SQLite): the inbox (workbench.inbox, p50/p99, one request
 * at a time) and caseworker actions per second (claim + accept, each a tRPC call, from
 * several caseworkers' windows at once, for BENCH_SECONDS or until 400 cases are done) at
 * 新城区 (150102), on a database holding 100,000 cases across all offices — beside the same
 * measures on the same database when it held 1,000 cases, earlier in the same run.
 *
 * The cases are real rows: two cases are submitted and handled through the product (one left
 * at 受理, one accepted and closed), and every other case is a copy of one of them — its
 * Application, Task and AuditEvent rows with new ids, case number, office and dates —
 * written with prepared better-sqlite3 inserts in one transaction. 新城区 holds the same 600
 * open cases at both sizes (a busy office's workload); the rest of the database (other
 * offices; about 30 % open, 70 % closed) is what grows.
 */
import { randomBytes } from "node:crypto";
import { statSync } from "node:fs";
import Database from "better-sqlite3";
import autocannon from "autocannon";
import { createDb } from "@/runtime/db";
import { publishService } from "@/tests/support/fixtures";
import { figure, type Figure } from "./figure";
import { startProductServer } from "./productServer";
import { signIn } from "./session";
import { benchDefinition, submissionBody } from "./submissionFixture";

const OFFICE = "150102";
const OFFICE_OPEN = 600;
const SMALL = 1_000;
const LARGE = 100_000;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const WINDOWS = 8;

type Row = Record<string, unknown>;

class Api {
  constructor(
    private readonly base: string,
    private readonly headers: Record<string, string>,
  ) {}

  async call<T>(name: string, input: unknown, method: "GET" | "POST"): Promise<T> {
    const query = method === "GET" && input !== undefined ? `?input=${encodeURIComponent(JSON.stringify(input))}` : "";
    const url = `${this.base}/api/trpc/${name}${query}`;
    const res = await fetch(url, {
      method,
      headers: { ...this.headers, ...(method === "POST" ? { "content-type": "application/json" } : {}) },
      body: method === "POST" ? JSON.stringify(input) : undefined,
    });
    if (!res.ok) throw new Error(`${name}: ${res.status} ${(await res.text()).slice(0, 300)}`);
    return ((await res.json()) as { result: { data: T } }).result.data;
  }
}

/** A case as the product wrote it: its rows in the three tables. */
interface CaseTemplate {
  application: Row;
  tasks: Row[];
  events: Row[];
}

function readTemplate(raw: Database.Database, applicationId: string): CaseTemplate {
  return {
    application: raw.prepare(`SELECT * FROM "Application" WHERE id = ?`).get(applicationId) as Row,
    tasks: raw.prepare(`SELECT * FROM "Task" WHERE "applicationId" = ?`).all(applicationId) as Row[],
    events: (raw.prepare(`SELECT * FROM "AuditEvent" WHERE "applicationId" = ? ORDER BY id`).all(applicationId) as Row[]).map(({ id: _id, ...rest }) => rest),
  };
}

function insertStatement(raw: Database.Database, table: string, row: Row): Database.Statement {
  const columns = Object.keys(row);
  return raw.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map((c) => `@${c}`).join(", ")})`);
}

const isoDay = (base: Date, days: number) => new Date(base.getTime() + days * 86_400_000).toISOString().slice(0, 10);

/** A template row with the case's id and number as holes, so that each copy is a few string joins. */
type RowPattern = [string, unknown | string[]][];

/** `value` cut at each occurrence of a hole: text, hole, text, hole, …, text. */
function splitAtHoles(value: string, holes: string[]): string[] {
  const parts: string[] = [];
  let rest = value;
  for (;;) {
    const found = holes.map((h) => [rest.indexOf(h), h] as const).filter(([at]) => at >= 0).sort((a, b) => a[0] - b[0])[0];
    if (!found) break;
    parts.push(rest.slice(0, found[0]), found[1]);
    rest = rest.slice(found[0] + found[1].length);
  }
  parts.push(rest);
  return parts;
}

function pattern(row: Row, holes: string[]): RowPattern {
  return Object.entries(row).map(([column, value]) => [column, typeof value === "string" && holes.some((h) => value.includes(h)) ? splitAtHoles(value, holes) : value]);
}

/** The row with each hole filled: the template's id → `id`, its case number → `caseNumber`. */
function fill(rowPattern: RowPattern, holes: string[], values: string[]): Row {
  const out: Row = {};
  for (const [column, value] of rowPattern) {
    if (!Array.isArray(value)) out[column] = value;
    else {
      let text = "";
      for (let i = 0; i < value.length; i++) text += i % 2 ? values[holes.indexOf(value[i])] : value[i];
      out[column] = text;
    }
  }
  return out;
}

interface CasePattern {
  template: CaseTemplate;
  holes: string[];
  application: RowPattern;
  tasks: RowPattern[];
  events: RowPattern[];
}

function casePattern(template: CaseTemplate): CasePattern {
  const holes = [template.application.id as string, template.application.caseNumber as string];
  return { template, holes, application: pattern(template.application, holes), tasks: template.tasks.map((t) => pattern(t, holes)), events: template.events.map((e) => pattern(e, holes)) };
}

/**
 * Writes `count` copies of the templates, in one transaction: `officeOpen` open cases at
 * OFFICE first, then cases spread over all offices (30 % open; OFFICE gets only closed ones,
 * so that its open workload stays as it was). Returns how long it took.
 */
function writeCases(raw: Database.Database, templates: { open: CaseTemplate; closed: CaseTemplate }, offices: string[], count: number, officeOpen: number, serial: { next: number }): number {
  const statements = new Map<string, Database.Statement>();
  const insert = (table: string, row: Row) => {
    let statement = statements.get(table);
    if (!statement) statements.set(table, (statement = insertStatement(raw, table, row)));
    statement.run(row);
  };
  const runId = randomBytes(4).toString("hex");
  const open = casePattern(templates.open);
  const closed = casePattern(templates.closed);
  const today = new Date();
  const started = performance.now();
  raw.transaction(() => {
    for (let i = 0; i < count; i++) {
      const atOffice = i < officeOpen;
      const office = atOffice ? OFFICE : offices[i % offices.length];
      const c = atOffice || (office !== OFFICE && i % 10 < 3) ? open : closed;
      const n = ++serial.next;
      // Increasing, like cuids (which begin with a timestamp): index inserts land at the end.
      const id = `c${runId}${String(n).padStart(10, "0")}`;
      const oldNumber = c.holes[1];
      const values = [id, `${oldNumber.slice(0, -6)}${String(n % 1_000_000).padStart(6, "0")}-${n}`];
      const due = isoDay(today, (n % 45) - 15);
      insert("Application", { ...fill(c.application, c.holes, values), officeId: office, idempotencyKey: `bulk-${n}`, dueDate: c.template.application.dueDate ? due : null });
      c.tasks.forEach((task, t) => insert("Task", { ...fill(task, c.holes, values), officeId: office, dueDate: c.template.tasks[t].dueDate ? due : null }));
      c.events.forEach((event, e) => {
        const organisationId = c.template.events[e].organisationId;
        insert("AuditEvent", { ...fill(event, c.holes, values), organisationId: organisationId === c.template.application.officeId ? office : organisationId });
      });
    }
  })();
  return performance.now() - started;
}

interface Measures {
  inboxP50: number;
  inboxP99: number;
  inboxRows: number;
  actionsPerSecond: number;
  actions: number;
}

async function measure(base: string, caseworker: Record<string, string>, raw: Database.Database): Promise<Measures> {
  const inboxUrl = `${base}/api/trpc/workbench.inbox`;
  const rows = (await new Api(base, caseworker).call<unknown[]>("workbench.inbox", undefined, "GET")).length;
  await autocannon({ url: inboxUrl, headers: caseworker, connections: 1, duration: 1 }); // warm-up
  const inbox = await autocannon({ url: inboxUrl, headers: caseworker, connections: 1, duration: SECONDS });
  if (inbox.non2xx + inbox.errors) throw new Error(`待办列表请求失败：${JSON.stringify(inbox.statusCodeStats)}`);

  // Open 受理 tasks at the office, soonest due first, as the caseworkers would take them; 200
  // are left so that the inbox stays full for the next measurement.
  const queue = raw
    .prepare(`SELECT t.id AS taskId, t."applicationId" AS applicationId, a."rowVersion" AS rowVersion FROM "Task" t JOIN "Application" a ON a.id = t."applicationId" WHERE t."officeId" = ? AND t.status = 'open' AND t.role = 'caseworker' ORDER BY t."dueDate" LIMIT ?`)
    .all(OFFICE, OFFICE_OPEN - 200) as { taskId: string; applicationId: string; rowVersion: number }[];
  const api = new Api(base, caseworker);
  let done = 0;
  const until = performance.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: WINDOWS }, async () => {
      for (let item = queue.shift(); item && performance.now() < until; item = queue.shift()) {
        await api.call("workbench.claim", { taskId: item.taskId }, "POST");
        await api.call("workbench.act", { applicationId: item.applicationId, taskId: item.taskId, actionId: "accept", confirmedRisks: ["risk-0"], rowVersion: item.rowVersion }, "POST");
        done++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { inboxP50: inbox.latency.p50, inboxP99: inbox.latency.p99, inboxRows: rows, actionsPerSecond: done / seconds, actions: done };
}

export async function benchWorkbench(): Promise<Figure[]> {
  const server = await startProductServer(5300 + Math.floor(Math.random() * 500), "workbench-bench");
  const raw = new Database(server.databaseUrl.slice("file:".length));
  try {
    raw.pragma("busy_timeout = 10000");
    raw.pragma("cache_size = -131072"); // 128 MB for the bulk writes
    const db = createDb(server.databaseUrl);
    await publishService(db, benchDefinition());
    await db.$disconnect();
    const base = server.base;
    const applicant = new Api(base, await signIn(base, "zhangsan"));
    const caseworker = await signIn(base, "xincheng.caseworker");
    const submit = async (key: string) => {
      const { caseNumber } = await applicant.call<{ caseNumber: string }>("applications.submitDirect", submissionBody(key), "POST");
      return raw.prepare(`SELECT id, "rowVersion" FROM "Application" WHERE "caseNumber" = ?`).get(caseNumber) as { id: string; rowVersion: number };
    };
    const open = await submit("template-open");
    const closed = await submit("template-closed");
    const work = new Api(base, caseworker);
    const closedTask = raw.prepare(`SELECT id FROM "Task" WHERE "applicationId" = ? AND status = 'open'`).get(closed.id) as { id: string };
    await work.call("workbench.claim", { taskId: closedTask.id }, "POST");
    await work.call("workbench.act", { applicationId: closed.id, taskId: closedTask.id, actionId: "accept", confirmedRisks: ["risk-0"], rowVersion: closed.rowVersion }, "POST");
    const templates = { open: readTemplate(raw, open.id), closed: readTemplate(raw, closed.id) };
    if (templates.closed.application.status !== "completed") throw new Error(`模板办件未办结：${String(templates.closed.application.status)}`);
    const offices = (raw.prepare(`SELECT id FROM "Organisation" WHERE level = 'banner'`).all() as { id: string }[]).map((o) => o.id);

    const serial = { next: 0 };
    const smallMs = writeCases(raw, templates, offices, SMALL - 2, OFFICE_OPEN, serial);
    const small = await measure(base, caseworker, raw);
    const largeMs = writeCases(raw, templates, offices, LARGE - SMALL, small.actions, serial);
    // A database in use has its write-ahead log checkpointed, not 600 MB of fresh pages pending in it.
    raw.pragma("wal_checkpoint(TRUNCATE)");
    const total = (raw.prepare(`SELECT count(*) AS n FROM "Application"`).get() as { n: number }).n;
    const rows = (table: string) => (raw.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
    console.log(`  行数：Task ${rows("Task")}，AuditEvent ${rows("AuditEvent")}；数据库 ${Math.round(statSync(server.databaseUrl.slice("file:".length)).size / 1048576)} MB（不含 WAL）`);
    const large = await measure(base, caseworker, raw);
    console.log(`  写入 ${SMALL - 2} 件 ${smallMs.toFixed(0)} ms，再写入 ${LARGE - SMALL} 件 ${largeMs.toFixed(0)} ms（共 ${total} 件，${offices.length} 个经办机构）`);
    console.log(`  待办列表 ${small.inboxRows} / ${large.inboxRows} 条；办理 ${small.actions} / ${large.actions} 件`);
    const reference = `same database holding ${SMALL.toLocaleString("en")} cases, earlier in the run`;
    return [
      figure(`workbench.inbox p50 (${total.toLocaleString("en")} cases, ${large.inboxRows} rows)`, large.inboxP50, "ms", reference, small.inboxP50),
      figure("workbench.inbox p99", large.inboxP99, "ms", reference, small.inboxP99),
      figure(`caseworker actions/s (claim + accept via tRPC, ${WINDOWS} windows)`, large.actionsPerSecond, "actions/s", reference, small.actionsPerSecond),
      figure(`bulk-write ${(LARGE - SMALL).toLocaleString("en")} cases (raw better-sqlite3, one transaction)`, largeMs, "ms", `${SMALL - 2} cases the same way`, smallMs),
    ];
  } finally {
    raw.close();
    await server.stop();
  }
}
