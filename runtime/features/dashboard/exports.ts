/** 导出: one dashboard table as CSV or Excel, for the offices the user reads (the figures' own scope). */
import "server-only";
import type { Db } from "@/runtime/db";
import type { SessionUser } from "@/runtime/auth/roles";
import { dashboardFigures } from "./figures";
import { dashboardTables, exportFileName, tableCsv, type TableId } from "./tables";
import { tableWorkbook } from "./workbook";

export interface DashboardExport {
  fileName: string;
  contentType: string;
  /** The file's bytes, base64. */
  base64: string;
}

export async function exportDashboardTable(
  db: Db,
  user: SessionUser,
  input: { officeId?: string; table: TableId; format: "csv" | "xlsx" },
): Promise<DashboardExport> {
  const figures = await dashboardFigures(db, user, { officeId: input.officeId });
  const table = dashboardTables(figures).find((t) => t.id === input.table)!;
  const scopeName = input.officeId ? (figures.offices.find((o) => o.id === input.officeId)?.name ?? input.officeId) : "全部可查看机构";
  if (input.format === "csv") {
    return { fileName: exportFileName(table, figures.today, "csv"), contentType: "text/csv; charset=utf-8", base64: Buffer.from(tableCsv(table), "utf8").toString("base64") };
  }
  const note = `范围：${scopeName}（含下级机构）；统计日期：${figures.today}`;
  return {
    fileName: exportFileName(table, figures.today, "xlsx"),
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    base64: (await tableWorkbook(table, note)).toString("base64"),
  };
}
