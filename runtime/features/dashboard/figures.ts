/**
 * 统计分析: how the offices a staff user reads perform against their promises — cases received,
 * decided, refused, withdrawn; on time against the promised and the legal limit; overdue now and
 * due within 3 working days; corrected (一次性告知); average working days per step — by office,
 * by service and by month. Every figure is an SQL aggregate (GROUP BY on Application and Task,
 * the same statements on SQLite and PostgreSQL); only the grouped rows reach the server.
 *
 * Scope is the 办件查询 scope (officeCases.reachableOffices): one's own offices, and for region
 * and league staff every office below; an office asked for outside it is not found.
 */
import "server-only";
import { dbKind, type Db } from "@/runtime/db";
import type { SessionUser } from "@/runtime/auth/roles";
import { addWorkdays, chinaDateOf, workdaysBetween } from "@/runtime/calendar";
import { caseNow } from "@/runtime/clock";
import { notFound } from "@/runtime/errors";
import { loadCalendar } from "@/runtime/features/cases/calendar";
import { organisationTree } from "@/runtime/features/organisations/tree";
import { reachableOffices, type ReachableOffice } from "@/runtime/features/workbench/officeCases";
import { addCounts, countsOf, emptyCounts, stepAverages, type CaseCounts, type StepAverage, type StepSpan } from "./rates";

/** The case statuses whose clock runs at the office (waiting for the applicant and paused do not count as overdue). */
const RUNNING = ["submitted", "in_progress"];
/** How many working days ahead 「即将到期」 looks. */
export const DUE_SOON_WORKDAYS = 3;
const WARNING_LIMIT = 100;

export interface Group<K extends string = string> {
  key: K;
  name: string;
  counts: CaseCounts;
}

export interface DeadlineWarning {
  taskId: string;
  applicationId: string;
  caseNumber: string | null;
  serviceTitle: string;
  officeName: string;
  label: string;
  dueDate: string;
  urgency: "overdue" | "today" | "soon";
}

export interface DashboardFigures {
  offices: ReachableOffice[];
  /** The office whose figures these are (with those below it); null: every office in reach. */
  officeId: string | null;
  today: string;
  dueSoonUntil: string;
  total: CaseCounts;
  byOffice: Group[];
  byService: Group[];
  byMonth: Group[];
  steps: StepAverage[];
  warnings: DeadlineWarning[];
  warningsTruncated: boolean;
}

interface Dialect {
  /** The China date (YYYY-MM-DD) of a timestamp column. */
  chinaDate(column: string): string;
  /** The China month (YYYY-MM) of a timestamp column. */
  chinaMonth(column: string): string;
  /** The `document` of an audit event's payload. */
  payloadDocument(column: string): string;
  placeholders(sql: string): string;
}

const dialects: Record<"sqlite" | "postgres", Dialect> = {
  sqlite: {
    chinaDate: (c) => `date(${c}, '+8 hours')`,
    chinaMonth: (c) => `substr(date(${c}, '+8 hours'), 1, 7)`,
    payloadDocument: (c) => `json_extract(${c}, '$.document')`,
    placeholders: (sql) => sql,
  },
  postgres: {
    chinaDate: (c) => `to_char(${c} + interval '8 hours', 'YYYY-MM-DD')`,
    chinaMonth: (c) => `to_char(${c} + interval '8 hours', 'YYYY-MM')`,
    payloadDocument: (c) => `(${c}->>'document')`,
    placeholders: (sql) => {
      let n = 0;
      return sql.replace(/\?/g, () => `$${++n}`);
    },
  },
};

async function rows<T>(db: Db, dialect: Dialect, sql: string, params: (string | number)[]): Promise<T[]> {
  return db.$queryRawUnsafe<T[]>(dialect.placeholders(sql), ...params);
}

const list = (values: readonly string[]) => values.map(() => "?").join(", ");

/** The offices the figures cover: the asked one and those below it that the user reads, or all the user reads. */
export async function dashboardScope(db: Db, user: SessionUser, officeId?: string): Promise<{ offices: ReachableOffice[]; officeIds: string[] }> {
  const offices = await reachableOffices(db, user);
  const reach = new Set(offices.map((o) => o.id));
  if (officeId === undefined) return { offices, officeIds: [...reach] };
  if (!reach.has(officeId)) throw notFound("经办机构");
  const tree = await organisationTree(db);
  return { offices, officeIds: tree.subtree(officeId).map((o) => o.id).filter((id) => reach.has(id)) };
}

export async function dashboardFigures(db: Db, user: SessionUser, input: { officeId?: string } = {}): Promise<DashboardFigures> {
  const { offices, officeIds } = await dashboardScope(db, user, input.officeId);
  const dialect = dialects[dbKind(db)];
  const calendar = await loadCalendar(db);
  const today = chinaDateOf(caseNow());
  const dueSoonUntil = addWorkdays(today, DUE_SOON_WORKDAYS, calendar);
  const tree = await organisationTree(db);
  const empty: DashboardFigures = {
    offices,
    officeId: input.officeId ?? null,
    today,
    dueSoonUntil,
    total: emptyCounts(),
    byOffice: [],
    byService: [],
    byMonth: [],
    steps: [],
    warnings: [],
    warningsTruncated: false,
  };
  if (officeIds.length === 0) return empty;

  const closedDate = dialect.chinaDate('a."closedAt"');
  const decided = `a."status" IN ('completed', 'refused') AND a."closedAt" IS NOT NULL`;
  const running = `a."status" IN (${RUNNING.map((s) => `'${s}'`).join(", ")})`;
  const counts = `
    COUNT(*) AS "received",
    SUM(CASE WHEN a."status" = 'completed' THEN 1 ELSE 0 END) AS "completed",
    SUM(CASE WHEN a."status" = 'refused' THEN 1 ELSE 0 END) AS "refused",
    SUM(CASE WHEN a."status" = 'withdrawn' THEN 1 ELSE 0 END) AS "withdrawn",
    SUM(CASE WHEN ${decided} AND a."promisedDate" IS NOT NULL THEN 1 ELSE 0 END) AS "decidedPromised",
    SUM(CASE WHEN ${decided} AND a."promisedDate" IS NOT NULL AND ${closedDate} <= a."promisedDate" THEN 1 ELSE 0 END) AS "onTimePromised",
    SUM(CASE WHEN ${decided} AND a."dueDate" IS NOT NULL THEN 1 ELSE 0 END) AS "decidedLegal",
    SUM(CASE WHEN ${decided} AND a."dueDate" IS NOT NULL AND ${closedDate} <= a."dueDate" THEN 1 ELSE 0 END) AS "onTimeLegal",
    SUM(CASE WHEN ${running} AND a."dueDate" < ? THEN 1 ELSE 0 END) AS "overdue",
    SUM(CASE WHEN ${running} AND a."dueDate" >= ? AND a."dueDate" <= ? THEN 1 ELSE 0 END) AS "dueSoon",
    SUM(CASE WHEN EXISTS (
      SELECT 1 FROM "AuditEvent" e
      WHERE e."applicationId" = a."id" AND e."action" = 'issueDocument' AND ${dialect.payloadDocument('e."payload"')} = 'correctionNotice'
    ) THEN 1 ELSE 0 END) AS "corrected"`;
  const scope = `a."officeId" IN (${list(officeIds)}) AND a."submittedAt" IS NOT NULL AND a."status" <> 'draft'`;
  const params = [today, today, dueSoonUntil, ...officeIds];
  const grouped = (key: string) =>
    rows<Record<string, unknown> & { key: string }>(db, dialect, `SELECT ${key} AS "key", ${counts} FROM "Application" a WHERE ${scope} GROUP BY ${key}`, params);

  // One statement at a time: on SQLite they share one connection anyway, and on PostgreSQL the
  // pool is shared with the writes.
  const officeRows = await grouped('a."officeId"');
  const serviceRows = await grouped('a."serviceId"');
  const monthRows = await grouped(dialect.chinaMonth('a."submittedAt"'));
  const spans = await rows<{ label: string; started: string; finished: string; count: unknown }>(
    db,
    dialect,
    `SELECT t."label" AS "label", ${dialect.chinaDate('t."createdAt"')} AS "started", ${dialect.chinaDate('t."completedAt"')} AS "finished", COUNT(*) AS "count"
     FROM "Task" t
     WHERE t."officeId" IN (${list(officeIds)}) AND t."status" = 'done' AND t."role" <> 'applicant' AND t."completedAt" IS NOT NULL
     GROUP BY t."label", ${dialect.chinaDate('t."createdAt"')}, ${dialect.chinaDate('t."completedAt"')}`,
    officeIds,
  );

  const services = await db.service.findMany({ where: { id: { in: serviceRows.map((r) => r.key) } }, select: { id: true, title: true } });
  const serviceTitle = new Map(services.map((s) => [s.id, s.title]));
  const byOffice = officeRows
    .map((r) => ({ key: r.key, name: tree.get(r.key)?.name ?? r.key, counts: countsOf(r) }))
    .sort((a, b) => b.counts.received - a.counts.received || a.key.localeCompare(b.key));
  const byService = serviceRows
    .map((r) => ({ key: r.key, name: serviceTitle.get(r.key) ?? r.key, counts: countsOf(r) }))
    .sort((a, b) => b.counts.received - a.counts.received || a.name.localeCompare(b.name, "zh-CN"));
  const byMonth = monthRows.map((r) => ({ key: r.key, name: r.key, counts: countsOf(r) })).sort((a, b) => a.key.localeCompare(b.key));
  const total = byOffice.reduce((sum, g) => addCounts(sum, g.counts), emptyCounts());
  const steps = stepAverages(
    spans.map((s) => ({ label: s.label, started: s.started, finished: s.finished, count: Number(s.count) }) satisfies StepSpan),
    (from, to) => workdaysBetween(from, to, calendar),
  );
  const { warnings, truncated } = await deadlineWarnings(db, officeIds, today, dueSoonUntil);
  return { ...empty, total, byOffice, byService, byMonth, steps, warnings, warningsTruncated: truncated };
}

/** Staff steps due by the end of the 「即将到期」 window, most urgent first (已超期, 今日到期, then by date). */
async function deadlineWarnings(db: Db, officeIds: string[], today: string, until: string) {
  const tasks = await db.task.findMany({
    where: { officeId: { in: officeIds }, status: { in: ["open", "claimed"] }, role: { not: "applicant" }, dueDate: { not: null, lte: until } },
    orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
    take: WARNING_LIMIT + 1,
    select: {
      id: true,
      label: true,
      dueDate: true,
      application: { select: { id: true, caseNumber: true, service: { select: { title: true } }, office: { select: { name: true } } } },
    },
  });
  const warnings: DeadlineWarning[] = tasks.slice(0, WARNING_LIMIT).map((t) => {
    const due = t.dueDate as string;
    return {
      taskId: t.id,
      applicationId: t.application.id,
      caseNumber: t.application.caseNumber,
      serviceTitle: t.application.service.title,
      officeName: t.application.office.name,
      label: t.label,
      dueDate: due,
      urgency: due < today ? "overdue" : due === today ? "today" : "soon",
    };
  });
  return { warnings, truncated: tasks.length > WARNING_LIMIT };
}
