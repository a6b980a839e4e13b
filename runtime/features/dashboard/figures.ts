/**
 * 统计分析: how the offices a staff user reads perform against their promises — cases received,
 * decided, refused, withdrawn; on time against the promised and the legal limit; overdue now and
 * due within 3 working days; corrected (一次性告知); average working days per step — by office,
 * by service and by month. Every figure is an SQL aggregate (GROUP BY on Application and Task,
 * one scan of a covering index each — see prisma/schema.prisma — the same statements on SQLite and
 * PostgreSQL but for dates); only the grouped rows reach the server, which sums them up. Corrected
 * cases are those with `correctionNoticeAt` (set by runCaseEvent when the notice is issued).
 *
 * Scope is the 办件查询 scope (officeCases.reachableOffices): one's own offices, and for region
 * and league staff every office below; an office asked for outside it is not found.
 */
import "server-only";
import { dbKind, type Db } from "@/runtime/db";
import type { SessionUser } from "@/runtime/auth/roles";
import { addDays, addWorkdays, chinaDateOf, workdaysBetween } from "@/runtime/calendar";
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

/**
 * What differs between SQLite (timestamps as ISO text in UTC) and PostgreSQL (timestamp(3), UTC).
 * No per-row date functions on SQLite (they cost more than the rest of the scan): a China date is
 * the UTC date plus one from 16:00 UTC, so rows are grouped by UTC date and that flag and turned
 * into China dates here; "closed by date D (China)" is "closed before D 16:00 UTC".
 */
interface Dialect {
  /** A timestamp column before 24:00 Beijing time of a `YYYY-MM-DD` column. */
  before(timestamp: string, date: string): string;
  /** Two expressions: a date (YYYY-MM-DD) and 1 when the China date is the day after it. */
  day(column: string): [string, string];
  /**
   * Two expressions: the UTC month (YYYY-MM), and the UTC date when the row falls on the 28th or
   * later from 16:00 UTC (its China date may be the next month's first), else NULL.
   */
  month(column: string): [string, string];
  placeholders(sql: string): string;
}

const dialects: Record<"sqlite" | "postgres", Dialect> = {
  sqlite: {
    before: (t, d) => `${t} < ${d} || 'T16:00'`,
    day: (c) => [`substr(${c}, 1, 10)`, `CASE WHEN substr(${c}, 12, 2) >= '16' THEN 1 ELSE 0 END`],
    month: (c) => [`substr(${c}, 1, 7)`, `CASE WHEN substr(${c}, 9, 2) >= '28' AND substr(${c}, 12, 2) >= '16' THEN substr(${c}, 1, 10) ELSE NULL END`],
    placeholders: (sql) => sql,
  },
  postgres: {
    before: (t, d) => `${t} < CAST(${d} AS date) + time '16:00'`,
    day: (c) => [`to_char(${c}, 'YYYY-MM-DD')`, `CASE WHEN extract(hour from ${c}) >= 16 THEN 1 ELSE 0 END`],
    month: (c) => [`to_char(${c}, 'YYYY-MM')`, `CASE WHEN extract(day from ${c}) >= 28 AND extract(hour from ${c}) >= 16 THEN to_char(${c}, 'YYYY-MM-DD') ELSE NULL END`],
    placeholders: (sql) => {
      let n = 0;
      return sql.replace(/\?/g, () => `$${++n}`);
    },
  },
};

/** The China date of a row grouped by `Dialect.day`. */
const chinaDay = (day: string, late: unknown) => (Number(late) ? addDays(day, 1) : day);
/** The China month of a row grouped by `Dialect.month`. */
const chinaMonth = (month: string, edge: unknown) => (edge ? addDays(String(edge), 1).slice(0, 7) : month);

async function rows<T>(db: Db, dialect: Dialect, sql: string, params: (string | number)[]): Promise<T[]> {
  return db.$queryRawUnsafe<T[]>(dialect.placeholders(sql), ...params);
}

const list = (values: readonly string[]) => values.map(() => "?").join(", ");

/** Sums rows into groups by `keyOf`. */
function rollUp<R extends Record<string, unknown>>(source: R[], keyOf: (row: R) => string): Map<string, CaseCounts> {
  const out = new Map<string, CaseCounts>();
  for (const row of source) {
    const key = keyOf(row);
    out.set(key, addCounts(out.get(key) ?? emptyCounts(), countsOf(row)));
  }
  return out;
}

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

  const decided = `a."status" IN ('completed', 'refused') AND a."closedAt" IS NOT NULL`;
  const running = `a."status" IN (${RUNNING.map((s) => `'${s}'`).join(", ")})`;
  const counts = `
    COUNT(*) AS "received",
    SUM(CASE WHEN a."status" = 'completed' THEN 1 ELSE 0 END) AS "completed",
    SUM(CASE WHEN a."status" = 'refused' THEN 1 ELSE 0 END) AS "refused",
    SUM(CASE WHEN a."status" = 'withdrawn' THEN 1 ELSE 0 END) AS "withdrawn",
    SUM(CASE WHEN ${decided} AND a."promisedDate" IS NOT NULL THEN 1 ELSE 0 END) AS "decidedPromised",
    SUM(CASE WHEN ${decided} AND a."promisedDate" IS NOT NULL AND ${dialect.before('a."closedAt"', 'a."promisedDate"')} THEN 1 ELSE 0 END) AS "onTimePromised",
    SUM(CASE WHEN ${decided} AND a."legalDueDate" IS NOT NULL THEN 1 ELSE 0 END) AS "decidedLegal",
    SUM(CASE WHEN ${decided} AND a."legalDueDate" IS NOT NULL AND ${dialect.before('a."closedAt"', 'a."legalDueDate"')} THEN 1 ELSE 0 END) AS "onTimeLegal",
    SUM(CASE WHEN ${running} AND a."dueDate" < ? THEN 1 ELSE 0 END) AS "overdue",
    SUM(CASE WHEN ${running} AND a."dueDate" >= ? AND a."dueDate" <= ? THEN 1 ELSE 0 END) AS "dueSoon",
    SUM(CASE WHEN a."correctionNoticeAt" IS NOT NULL THEN 1 ELSE 0 END) AS "corrected"`;
  const scope = `a."officeId" IN (${list(officeIds)}) AND a."submittedAt" IS NOT NULL AND a."status" <> 'draft'`;
  const params = [today, today, dueSoonUntil, ...officeIds];
  const [submittedMonth, submittedEdge] = dialect.month('a."submittedAt"');
  const [startedDay, startedLate] = dialect.day('t."createdAt"');
  const [finishedDay, finishedLate] = dialect.day('t."completedAt"');

  // One statement at a time: on SQLite they share one connection anyway, and on PostgreSQL the
  // pool is shared with the writes. Each is one scan of the covering index of its table.
  // One scan of Application for the office, service and month figures (grouped by all three; summed up here).
  const caseRows = await rows<Record<string, unknown> & { officeId: string; serviceId: string; month: string; edge: unknown }>(
    db,
    dialect,
    `SELECT a."officeId" AS "officeId", a."serviceId" AS "serviceId", ${submittedMonth} AS "month", ${submittedEdge} AS "edge", ${counts}
     FROM "Application" a WHERE ${scope} GROUP BY a."officeId", a."serviceId", ${submittedMonth}, ${submittedEdge}`,
    params,
  );
  const spans = await rows<{ label: string; startedDay: string; startedLate: unknown; finishedDay: string; finishedLate: unknown; count: unknown }>(
    db,
    dialect,
    `SELECT t."label" AS "label", ${startedDay} AS "startedDay", ${startedLate} AS "startedLate", ${finishedDay} AS "finishedDay", ${finishedLate} AS "finishedLate", COUNT(*) AS "count"
     FROM "Task" t
     WHERE t."officeId" IN (${list(officeIds)}) AND t."status" = 'done' AND t."role" <> 'applicant' AND t."completedAt" IS NOT NULL
     GROUP BY t."label", ${startedDay}, ${startedLate}, ${finishedDay}, ${finishedLate}`,
    officeIds,
  );

  const byOfficeKey = rollUp(caseRows, (r) => r.officeId);
  const byServiceKey = rollUp(caseRows, (r) => r.serviceId);
  const byMonthKey = rollUp(caseRows, (r) => chinaMonth(String(r.month), r.edge));
  const services = await db.service.findMany({ where: { id: { in: [...byServiceKey.keys()] } }, select: { id: true, title: true } });
  const serviceTitle = new Map(services.map((s) => [s.id, s.title]));
  const byOffice = [...byOfficeKey]
    .map(([key, c]) => ({ key, name: tree.get(key)?.name ?? key, counts: c }))
    .sort((a, b) => b.counts.received - a.counts.received || a.key.localeCompare(b.key));
  const byService = [...byServiceKey]
    .map(([key, c]) => ({ key, name: serviceTitle.get(key) ?? key, counts: c }))
    .sort((a, b) => b.counts.received - a.counts.received || a.name.localeCompare(b.name, "zh-CN"));
  const byMonth = [...byMonthKey].map(([key, c]) => ({ key, name: key, counts: c })).sort((a, b) => a.key.localeCompare(b.key));
  const total = byOffice.reduce((sum, g) => addCounts(sum, g.counts), emptyCounts());
  const steps = stepAverages(
    spans.map(
      (s) =>
        ({
          label: s.label,
          started: chinaDay(String(s.startedDay), s.startedLate),
          finished: chinaDay(String(s.finishedDay), s.finishedLate),
          count: Number(s.count),
        }) satisfies StepSpan,
    ),
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
