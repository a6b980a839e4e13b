"use client";
/**
 * One dashboard figure: its chart (echarts) or its table — the same rows, for screen readers and
 * for reading exact values — with drill-down links to 办件查询 and exports to CSV and Excel.
 */
import { useId, useState } from "react";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useTRPCClient, errorMessage } from "@/app/_trpc/client";
import { CHART_ROWS, chartHeight, chartOption } from "./chartOption";
import { ToggleGroup, toggleButtonClass } from "@/app/_components/ToggleGroup";

const ReactECharts = dynamic(() => import("echarts-for-react"), { ssr: false, loading: () => <p className="text-sm text-muted-foreground">正在加载图表…</p> });

export interface PanelTable {
  id: "office" | "service" | "month" | "steps";
  title: string;
  columns: string[];
  rows: { cells: (string | number)[]; href?: string }[];
  chart: { kind: "bar" | "line"; series: number[] };
}

function download(fileName: string, contentType: string, base64: string) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: contentType }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ChartPanel({ table, officeId }: { table: PanelTable; officeId: string | null }) {
  const client = useTRPCClient();
  const [view, setView] = useState<"chart" | "table">("chart");
  const [busy, setBusy] = useState<"csv" | "xlsx" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();
  const exportAs = async (format: "csv" | "xlsx") => {
    setBusy(format);
    setError(null);
    try {
      const file = await client.workbench.dashboardExport.query({ officeId: officeId ?? undefined, table: table.id, format });
      download(file.fileName, file.contentType, file.base64);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <section aria-labelledby={headingId} className="mt-6 rounded-lg border bg-background p-3 sm:p-4" data-testid={`panel-${table.id}`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={headingId} className="text-lg font-semibold">
          {table.title}
        </h3>
        <div className="flex flex-wrap gap-1">
          <ToggleGroup
            label={`${table.title}：显示方式`}
            options={[
              { value: "chart" as const, label: "图表" },
              { value: "table" as const, label: "表格" },
            ]}
            value={view}
            onChange={setView}
          />
          <button type="button" disabled={busy !== null || table.rows.length === 0} onClick={() => exportAs("csv")} className={toggleButtonClass(false)}>
            {busy === "csv" ? "正在导出…" : "导出 CSV"}
          </button>
          <button type="button" disabled={busy !== null || table.rows.length === 0} onClick={() => exportAs("xlsx")} className={toggleButtonClass(false)}>
            {busy === "xlsx" ? "正在导出…" : "导出 Excel"}
          </button>
        </div>
      </div>
      {error && (
        <p role="alert" className="mt-2 text-sm text-destructive">
          {error}
        </p>
      )}
      {table.rows.length === 0 ? (
        <p className="mt-3 text-sm text-muted-foreground">暂无数据。</p>
      ) : view === "chart" ? (
        <figure className="mt-3">
          <div role="img" aria-label={`${table.title}图表，共 ${table.rows.length} 项；切换到“表格”可读取全部数值`}>
            <ReactECharts option={chartOption(table)} style={{ height: chartHeight(table), width: "100%" }} notMerge opts={{ renderer: "canvas" }} />
          </div>
          {table.chart.kind === "bar" && table.rows.length > CHART_ROWS && (
            <figcaption className="mt-1 text-sm text-muted-foreground">图表显示前 {CHART_ROWS} 项，全部 {table.rows.length} 项见表格。</figcaption>
          )}
        </figure>
      ) : (
        <div className="mt-3 overflow-x-auto">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">{table.title}</caption>
            <thead>
              <tr className="border-b text-left">
                {table.columns.map((c) => (
                  <th key={c} scope="col" className="whitespace-nowrap px-2 py-2">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, i) => (
                <tr key={i} className="border-b last:border-0">
                  {row.cells.map((cell, j) =>
                    j === 0 ? (
                      <th key={j} scope="row" className="px-2 py-2 text-left font-normal">
                        {row.href ? (
                          <Link href={row.href} className="text-primary underline-offset-2 hover:underline">
                            {cell}
                          </Link>
                        ) : (
                          cell
                        )}
                      </th>
                    ) : (
                      <td key={j} className="whitespace-nowrap px-2 py-2 tabular-nums">
                        {cell}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
