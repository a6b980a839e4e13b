/**
 * The dashboard's tables: what each chart shows, as rows a screen reader, a CSV file and an
 * Excel sheet read alike (every chart has its table). Pure.
 */
import { percent, ratesOf, type CaseCounts, type StepAverage } from "./rates";

export const TABLE_IDS = ["office", "service", "month", "steps"] as const;
export type TableId = (typeof TABLE_IDS)[number];

export interface TableRow {
  cells: (string | number)[];
  /** Drill-down: the 办件查询 list of these cases. */
  href?: string;
}

export interface DashboardTable {
  id: TableId;
  title: string;
  columns: string[];
  rows: TableRow[];
  /** The chart drawn from the table: the first column names each bar or point; `series` are the columns drawn. */
  chart: { kind: "bar" | "line"; series: number[] };
}

export const COUNT_COLUMNS = ["受理", "办结", "不予办理", "撤回", "承诺时限内办结率", "法定时限内办结率", "当前超期", "3个工作日内到期", "一次性告知率"];

export function countCells(c: CaseCounts): (string | number)[] {
  const r = ratesOf(c);
  return [c.received, c.completed, c.refused, c.withdrawn, percent(r.onTimePromised), percent(r.onTimeLegal), c.overdue, c.dueSoon, percent(r.correction)];
}

interface GroupLike {
  key: string;
  name: string;
  counts: CaseCounts;
}

export interface TableSource {
  officeId: string | null;
  byOffice: GroupLike[];
  byService: GroupLike[];
  byMonth: GroupLike[];
  steps: StepAverage[];
}

/** A link to 办件查询 with its filters. */
export function caseListHref(filter: { officeId?: string | null; search?: string; status?: "open" | "closed" }): string {
  const params = new URLSearchParams();
  if (filter.officeId) params.set("officeId", filter.officeId);
  if (filter.status) params.set("status", filter.status);
  if (filter.search) params.set("search", filter.search);
  const query = params.toString();
  return `/workbench/cases${query ? `?${query}` : ""}`;
}

const countChart = { kind: "bar" as const, series: [1, 2, 7] };

export function dashboardTables(source: TableSource): DashboardTable[] {
  return [
    {
      id: "office",
      title: "按经办机构",
      columns: ["经办机构", ...COUNT_COLUMNS],
      rows: source.byOffice.map((g) => ({ cells: [g.name, ...countCells(g.counts)], href: caseListHref({ officeId: g.key }) })),
      chart: countChart,
    },
    {
      id: "service",
      title: "按服务事项",
      columns: ["服务事项", ...COUNT_COLUMNS],
      rows: source.byService.map((g) => ({ cells: [g.name, ...countCells(g.counts)], href: caseListHref({ officeId: source.officeId, search: g.name }) })),
      chart: countChart,
    },
    {
      id: "month",
      title: "按月份（申请提交月份）",
      columns: ["月份", ...COUNT_COLUMNS],
      rows: source.byMonth.map((g) => ({ cells: [g.name, ...countCells(g.counts)] })),
      chart: { kind: "line", series: [1, 2, 7] },
    },
    {
      id: "steps",
      title: "各环节平均用时（工作日）",
      columns: ["环节", "已完成次数", "平均工作日"],
      rows: source.steps.map((s) => ({ cells: [s.label, s.steps, s.averageWorkdays] })),
      chart: { kind: "bar", series: [2] },
    },
  ];
}

/** A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) is written as text. */
function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvCell(value: string | number): string {
  const text = typeof value === "number" ? String(value) : safeText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV with a byte-order mark, so Excel opens the Chinese as UTF-8. */
export function tableCsv(table: Pick<DashboardTable, "columns" | "rows">): string {
  const lines = [table.columns.map(csvCell).join(","), ...table.rows.map((r) => r.cells.map(csvCell).join(","))];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** The file name of an export: 「统计分析-按经办机构-2026-12-04.csv」. */
export function exportFileName(table: Pick<DashboardTable, "title">, today: string, extension: "csv" | "xlsx"): string {
  const title = table.title.replace(/[（(].*$/, "").replace(/[\\/:*?"<>|]/g, "");
  return `统计分析-${title}-${today}.${extension}`;
}

export { safeText };
