/**
 * A lease: which instance runs a periodic job (the scheduler's tick) now. Taken when free or
 * expired, renewed by its holder; with several instances on one database only one holds it.
 */
import "server-only";
import type { Db } from "./client";
import { sqlOf } from "./client";

export async function acquireLease(db: Db, name: string, holder: string, ttlMs: number, now = new Date()): Promise<boolean> {
  return sqlOf(db).transaction(async (sql) => {
    const until = sql.time(new Date(now.getTime() + ttlMs));
    const created = await sql.run('INSERT INTO "Lease" ("name", "holder", "expiresAt") VALUES (?, ?, ?) ON CONFLICT ("name") DO NOTHING', [name, holder, until]);
    if (created === 1) return true;
    const taken = await sql.run('UPDATE "Lease" SET "holder" = ?, "expiresAt" = ? WHERE "name" = ? AND ("holder" = ? OR "expiresAt" < ?)', [
      holder,
      until,
      name,
      holder,
      sql.time(now),
    ]);
    return taken === 1;
  });
}
