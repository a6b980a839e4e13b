/** A dashboard table as an Excel workbook (exceljs): one sheet, a bold header row, numbers as numbers. */
import "server-only";
import ExcelJS from "exceljs";
import type { DashboardTable } from "./tables";

export async function tableWorkbook(table: Pick<DashboardTable, "title" | "columns" | "rows">, note: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "人社公共服务平台";
  const sheet = workbook.addWorksheet(table.title.replace(/[（(].*$/, "").slice(0, 31) || "统计");
  sheet.addRow(table.columns).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.cells);
  sheet.addRow([]);
  sheet.addRow([note]);
  sheet.columns.forEach((column, i) => (column.width = i === 0 ? 28 : 14));
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
