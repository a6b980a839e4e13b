/**
 * 统计分析 at 100,000 cases: `workbench.dashboard`'s work (dashboardFigures: the GROUP BY office,
 * service and month aggregates, step spans and deadline warnings) for the region administrator —
 * every case of the database — and for a league, beside the plain 办件查询 list (listOfficeCases,
 * the first 200 of the same cases, newest first) on the same database, p50 of repeated runs.
 *
 * The cases are real rows: four cases go through the product (completed, refused, corrected,
 * open at 受理) and every other case is a copy of one of them (its Application and Task rows and
 * the documents its trail records) with new ids and case number, an office of the 100+ banners,
 * and dates spread over a year — written with prepared better-sqlite3 inserts in one transaction.
 * SQLite, in-process (no HTTP): the figure is the query work, which is what grows with the cases.
 */
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import { loadSessionUser } from "@/runtime/auth/session";
import { dashboardFigures } from "@/runtime/features/dashboard/figures";
import { listOfficeCases } from "@/runtime/features/workbench/officeCases";
import { CaseFixtures, registrationForm } from "@/tests/support/caseFixtures";
import { createSeededTestDb } from "@/tests/support/fixtures";
import { figure, type Figure } from "./figure";

const CASES = Number(process.env.BENCH_DASHBOARD_CASES ?? 100_000);
const RUNS = 15;

type Row = Record<string, unknown>;

async function p50(run: () => Promise<unknown>): Promise<number> {
  await run(); // warm-up (statement caches, the organisation tree)
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

/** A seeded SQLite database holding CASES cases (the caller cleans it up). */
export async function dashboardDatabase() {
  const t = await createSeededTestDb("sqlite");
    const fx = new CaseFixtures(t.db);
    await fx.setUp();
    const applicant = await fx.as("zhangsan");
    const file = async () => {
      const { id } = await applicant.applications.startDraft({ code: fx.code, officeId: "150102" });
      await applicant.applications.saveDraft({ id, formData: registrationForm(), rowVersion: 1 });
      await applicant.applications.submit({ id, idempotencyKey: fx.unique("bench") });
      return id;
    };
    const act = async (id: string, by: string, actionId: string, extra: Row = {}) => {
      const caller = await fx.as(by);
      const view = await caller.workbench.case({ id });
      await caller.workbench.act({ applicationId: id, taskId: view.currentTask!.taskId, actionId, confirmedRisks: view.currentTask!.riskChecklist.map((r) => r.key), rowVersion: view.application.rowVersion, ...extra });
    };
    const completed = await file();
    await act(completed, "xincheng.caseworker", "accept");
    await act(completed, "xincheng.caseworker", "pass");
    await act(completed, "xincheng.reviewer", "confirm");
    const refused = await file();
    await act(refused, "xincheng.caseworker", "refuse", { comment: "不符合条件" });
    const corrected = await file();
    await act(corrected, "xincheng.caseworker", "askCorrection", { comment: "材料不全", correctionItems: ["失业时间填写有误"] });
    const open = await file();

    const raw = new Database(t.url.slice("file:".length));
    raw.pragma("busy_timeout = 10000");
    raw.pragma("cache_size = -131072");
    const templates = [completed, refused, corrected, open].map((id) => ({
      application: raw.prepare(`SELECT * FROM "Application" WHERE id = ?`).get(id) as Row,
      tasks: raw.prepare(`SELECT * FROM "Task" WHERE "applicationId" = ?`).all(id) as Row[],
      events: (raw.prepare(`SELECT * FROM "AuditEvent" WHERE "applicationId" = ? AND action = 'issueDocument'`).all(id) as Row[]).map(({ id: _id, ...rest }) => rest),
    }));
    const offices = (raw.prepare(`SELECT id FROM "Organisation" WHERE level = 'banner'`).all() as { id: string }[]).map((o) => o.id);
    const statements = new Map<string, Database.Statement>();
    const insert = (table: string, row: Row) => {
      let statement = statements.get(table);
      if (!statement) {
        const columns = Object.keys(row);
        statement = raw.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map((c) => `@${c}`).join(", ")})`);
        statements.set(table, statement);
      }
      statement.run(row);
    };
    // The copies' correction notices keep the template's hash columns: this database is never
    // verified (npm run audit:verify) and is thrown away after the run.
    const runId = randomBytes(4).toString("hex");
    const base = Date.now();
    const day = 86_400_000;
    const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
    const date = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
    const started = performance.now();
    let copiedEvents = 0;
    raw.transaction(() => {
      for (let n = 0; n < CASES - 4; n++) {
        const template = templates[n % 10 < 5 ? 0 : n % 10 < 7 ? 3 : n % 10 < 9 ? 1 : 2];
        const id = `c${runId}${String(n).padStart(10, "0")}`;
        const submitted = base - ((n * 7919) % 365) * day;
        const due = submitted + 20 * day;
        const a = template.application;
        insert("Application", {
          ...a,
          id,
          caseNumber: `BENCH-${runId}-${n}`,
          idempotencyKey: `bench-${n}`,
          officeId: offices[n % offices.length],
          submittedAt: iso(submitted),
          createdAt: iso(submitted),
          updatedAt: iso(submitted),
          dueDate: a.dueDate ? date(due) : null,
          promisedDate: a.promisedDate ? date(due - 5 * day) : null,
          legalDueDate: a.legalDueDate ? date(due + 10 * day) : null,
          closedAt: a.closedAt ? iso(submitted + ((n % 25) + 1) * day) : null,
        });
        template.tasks.forEach((task, i) =>
          insert("Task", {
            ...task,
            id: `${id}t${i}`,
            applicationId: id,
            officeId: offices[n % offices.length],
            createdAt: iso(submitted + i * day),
            completedAt: task.completedAt ? iso(submitted + (i + 1 + (n % 3)) * day) : null,
            dueDate: task.dueDate ? date(due) : null,
          }),
        );
        for (const event of template.events) {
          insert("AuditEvent", { ...event, applicationId: id, entityId: id });
          copiedEvents++;
        }
      }
    })();
    const writeMs = performance.now() - started;
    raw.pragma("wal_checkpoint(TRUNCATE)");
    raw.exec("ANALYZE");
    raw.close();
    console.log(`  写入 ${CASES - 4} 件（${offices.length} 个经办机构，${copiedEvents} 条出具文书事件）${writeMs.toFixed(0)} ms`);
  return t;
}

export async function benchDashboard(): Promise<Figure[]> {
  const t = await dashboardDatabase();
  try {

    const region = await loadSessionUser(t.db, (await t.db.user.findUniqueOrThrow({ where: { username: "region.admin" } })).id);
    const league = await loadSessionUser(t.db, (await t.db.user.findUniqueOrThrow({ where: { username: "hohhot.admin" } })).id);
    const regionFigures = await dashboardFigures(t.db, region!);
    console.log(`  全区：受理 ${regionFigures.total.received} 件，超期 ${regionFigures.total.overdue} 件，${regionFigures.byOffice.length} 个机构、${regionFigures.byMonth.length} 个月`);
    const dashboardRegion = await p50(() => dashboardFigures(t.db, region!));
    const listRegion = await p50(() => listOfficeCases(t.db, region!));
    const dashboardLeague = await p50(() => dashboardFigures(t.db, league!));
    const listLeague = await p50(() => listOfficeCases(t.db, league!));
    const reference = "办件查询 (listOfficeCases, first 200, newest first), same scope and database";
    const total = regionFigures.total.received;
    return [
      figure(`workbench.dashboard p50, region (${total.toLocaleString("en")} cases)`, dashboardRegion, "ms", reference, listRegion),
      figure(`workbench.dashboard p50, league 呼和浩特市`, dashboardLeague, "ms", reference, listLeague),
    ];
  } finally {
    await t.cleanup();
  }
}
