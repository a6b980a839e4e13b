/** 办件编号: NM + the China date of filing + a six-digit daily sequence, unique across instances. */
import "server-only";
import type { SqlTx } from "@/runtime/db";
import { chinaDateOf } from "@/runtime/calendar";
import { nextCounter } from "@/runtime/features/cases/caseStore";

export async function nextCaseNumber(sql: SqlTx, at: string): Promise<string> {
  const prefix = `NM${chinaDateOf(at).replaceAll("-", "")}`;
  return `${prefix}${String(await nextCounter(sql, `case:${prefix}`)).padStart(6, "0")}`;
}
