/**
 * A case as the write paths read it, in plain SQL inside the write transaction, with the
 * same access rules as runtime/features/cases/access.ts: an applicant only their own case,
 * staff only their office's submitted cases; a supervisor of the office is told the case is
 * read-only to them; anything else is "not found".
 */
import "server-only";
import type { BatchSlot, Db, SqlTx } from "@/runtime/db";
import type { SessionUser } from "@/runtime/auth/roles";
import { notFound } from "@/runtime/errors";
import { staffOffices, workRefusal } from "./access";

export type FormsData = Record<string, Record<string, unknown>>;

export interface CaseRow {
  id: string;
  applicantId: string;
  officeId: string;
  serviceId: string;
  serviceVersionId: string;
  status: string;
  rowVersion: number;
  caseNumber: string | null;
  engineState: unknown;
  formData: FormsData;
}

const SELECT_CASE =
  'SELECT "id", "applicantId", "officeId", "serviceId", "serviceVersionId", "status", "rowVersion", "caseNumber", "engineState", "formData" FROM "Application" WHERE "id" = ?';

export async function readCase(sql: SqlTx, id: string): Promise<CaseRow | undefined> {
  const row = await sql.get<CaseRow>(SELECT_CASE, [id]);
  if (!row) return undefined;
  return {
    ...row,
    rowVersion: Number(row.rowVersion),
    engineState: row.engineState === null ? null : sql.json(row.engineState),
    formData: (sql.json<FormsData | null>(row.formData) ?? {}) as FormsData,
  };
}

export async function applicantCaseRow(sql: SqlTx, user: SessionUser, id: string): Promise<CaseRow> {
  const row = await readCase(sql, id);
  if (!row || row.applicantId !== user.id) throw notFound("办件");
  return row;
}

/** A case its office's staff work; a supervisor of the office is refused as read-only (FORBIDDEN), anyone else "not found". */
export async function officeCaseRow(db: Db, sql: SqlTx, user: SessionUser, id: string): Promise<CaseRow> {
  const row = await readCase(sql, id);
  if (!row || row.status === "draft") throw notFound("办件");
  if (!staffOffices(user).includes(row.officeId)) throw await workRefusal(db, sql, user, row.officeId);
  return row;
}

export async function uploadedMaterialIds(sql: SqlTx, applicationId: string): Promise<Set<string>> {
  const rows = await sql.all<{ materialId: string }>('SELECT "materialId" FROM "Attachment" WHERE "applicationId" = ?', [applicationId]);
  return new Set(rows.map((r) => r.materialId));
}

const BUMP =
  'INSERT INTO "Counter" ("name", "value") VALUES (?, 1) ON CONFLICT ("name") DO UPDATE SET "value" = "Counter"."value" + 1 RETURNING "value"';

/**
 * A counter under SQLite's group commit: read once per batch, counted in memory by its writes,
 * saved once before the batch's COMMIT (SqlTx.batchSlot; a write rolled back to its savepoint
 * gives its numbers back). The batch holds the database's write lock, so no other writer counts meanwhile.
 */
function counterSlot(name: string): BatchSlot<number> {
  return {
    name: `counter:${name}`,
    load: async (sql) => Number((await sql.get<{ value: number }>('SELECT "value" FROM "Counter" WHERE "name" = ?', [name]))?.value ?? 0),
    save: async (sql, value) => {
      await sql.run('INSERT INTO "Counter" ("name", "value") VALUES (?, ?) ON CONFLICT ("name") DO UPDATE SET "value" = excluded."value"', [name, value]);
    },
  };
}

/** Atomically increments the counter `name` (created at 1) in the caller's transaction. */
export async function nextCounter(sql: SqlTx, name: string): Promise<number> {
  const slot = sql.batchSlot(counterSlot(name));
  if (slot) {
    const ref = await slot;
    ref.set(ref.value + 1);
    return ref.value;
  }
  return Number((await sql.get<{ value: number }>(BUMP, [name]))?.value);
}
