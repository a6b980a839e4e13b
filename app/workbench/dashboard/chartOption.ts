/**
 * The echarts option for a dashboard table: the first column names each bar or point, the chosen
 * columns are the series. Bars run sideways (long Chinese names stay readable on a phone) and show
 * at most CHART_ROWS rows; the table view has them all. Pure, browser-safe.
 */
export const CHART_ROWS = 20;

export interface ChartTable {
  title: string;
  columns: string[];
  rows: { cells: (string | number)[] }[];
  chart: { kind: "bar" | "line"; series: number[] };
}

/** Colours with at least 3:1 contrast on white, told apart without colour too (legend and order). */
const PALETTE = ["#1d4ed8", "#15803d", "#b91c1c", "#7c3aed"];

const numberAt = (cells: (string | number)[], i: number) => (typeof cells[i] === "number" ? (cells[i] as number) : Number.parseFloat(String(cells[i])) || 0);

export function chartRows(table: ChartTable) {
  return table.chart.kind === "bar" ? table.rows.slice(0, CHART_ROWS) : table.rows;
}

export function chartHeight(table: ChartTable): number {
  if (table.chart.kind === "line") return 320;
  return Math.max(200, chartRows(table).length * 26 * Math.max(1, table.chart.series.length / 2) + 90);
}

export function chartOption(table: ChartTable) {
  const rows = chartRows(table);
  const names = rows.map((r) => String(r.cells[0]));
  const series = table.chart.series.map((column, i) => ({
    name: table.columns[column],
    type: table.chart.kind,
    data: rows.map((r) => numberAt(r.cells, column)),
    itemStyle: { color: PALETTE[i % PALETTE.length] },
    lineStyle: table.chart.kind === "line" ? { width: 3 } : undefined,
    symbolSize: table.chart.kind === "line" ? 8 : undefined,
  }));
  const category = { type: "category" as const, data: names, axisLabel: { fontSize: 13, width: 120, overflow: "truncate" as const } };
  const value = { type: "value" as const, minInterval: 1, axisLabel: { fontSize: 13 } };
  const sideways = table.chart.kind === "bar";
  return {
    aria: { enabled: true },
    textStyle: { fontFamily: "system-ui, 'Noto Sans CJK SC', sans-serif" },
    tooltip: { trigger: "axis" as const },
    legend: { top: 0, textStyle: { fontSize: 14 } },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: sideways ? value : category,
    yAxis: sideways ? { ...category, inverse: true } : value,
    series,
  };
}
