/**
 * The one write path. Every mutation, from tRPC, the upload route, the scheduler, import or
 * seeding, runs as: input validated (zod, at the procedure) → role checked (the procedure) →
 * `write…(db, actor, work)`: the work reads, checks the organisation of what it touches and
 * writes in ONE transaction, recording typed audit events that are written in that same
 * transaction → commit. A mutation that records no audit event is refused (a bug, not data).
 *
 * Two transaction engines, one path: `writeWithPrisma` for most features, `writeWithSql` for
 * the hot case operations (plain prepared SQL on Prisma's own connections; see runtime/db/sql.ts).
 * Lint forbids `$transaction` and audit writes anywhere else.
 */
import "server-only";
import type { BatchSlot, Db, SqlTx, Tx } from "@/runtime/db";
import { Prisma, sqlOf } from "@/runtime/db";
import type { SessionUser } from "@/runtime/auth/roles";
import type { AuditEntry } from "./auditActions";
import { linkEvents } from "./auditChain";

export type Actor = Pick<SessionUser, "id" | "kind"> | null;

export interface AuditSink {
  record(entry: AuditEntry): void;
  /** This write changed nothing (a replayed idempotent request): no event is due. */
  unchanged(): void;
}

export interface PrismaWork {
  tx: Tx;
  audit: AuditSink;
}

export interface SqlWork {
  sql: SqlTx;
  audit: AuditSink;
}

export interface WriteOptions {
  /** Interactive transaction limits for long writes (import, seeding). */
  timeoutMs?: number;
}

class Recorder implements AuditSink {
  readonly entries: AuditEntry[] = [];
  private nothingChanged = false;
  record(entry: AuditEntry) {
    this.entries.push(entry);
  }
  unchanged() {
    this.nothingChanged = true;
  }
  rows(actor: Actor, at: Date) {
    if (this.entries.length === 0 && !this.nothingChanged) throw new Error("写操作没有记录审计事件（程序缺陷）");
    return this.entries.map((e) => ({
      at,
      actorId: actor?.id ?? null,
      actorRole: e.actorRole ?? actor?.kind ?? "system",
      organisationId: e.organisationId ?? null,
      applicationId: e.applicationId ?? null,
      entityType: e.entityType,
      entityId: e.entityId,
      action: e.action,
      // As it will read back from the database (dates as ISO text, no undefined), so its hash verifies.
      payload: e.payload === undefined ? null : (JSON.parse(JSON.stringify(e.payload)) as unknown),
    }));
  }
}

export async function writeWithPrisma<T>(db: Db, actor: Actor, work: (w: PrismaWork) => Promise<T>, options: WriteOptions = {}): Promise<T> {
  const timeout = options.timeoutMs ?? 20_000;
  return db.$transaction(
    async (tx) => {
      const audit = new Recorder();
      const result = await work({ tx, audit });
      const rows = audit.rows(actor, new Date());
      if (rows.length > 0) {
        // Locks the chain's head until commit (the UPDATE takes the row lock), answering the last hash.
        const head = await tx.auditHead.update({ where: { id: 1 }, data: { count: { increment: rows.length } } });
        const linked = linkEvents(head.hash, rows);
        await tx.auditEvent.createMany({
          data: linked.map((row) => ({ ...row, payload: row.payload === null ? Prisma.DbNull : (row.payload as Prisma.InputJsonValue) })),
        });
        await tx.auditHead.update({ where: { id: 1 }, data: { hash: linked[linked.length - 1].hash } });
      }
      return result;
    },
    { timeout, maxWait: timeout },
  );
}

const INSERT_AUDIT =
  'INSERT INTO "AuditEvent" ("at", "actorId", "actorRole", "organisationId", "applicationId", "entityType", "entityId", "action", "payload", "prevHash", "hash") VALUES ';
const AUDIT_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
const LOCK_HEAD = 'UPDATE "AuditHead" SET "count" = "count" + ? WHERE "id" = 1 RETURNING "hash"';
const MOVE_HEAD = 'UPDATE "AuditHead" SET "hash" = ? WHERE "id" = 1';

/**
 * Under SQLite's group commit the chain's head is read once per COMMIT and written once before
 * it (runtime/db/sql.ts batchSlot): the batch holds the database's write lock throughout, so no
 * other writer can move the head meanwhile.
 */
const AUDIT_HEAD: BatchSlot<{ hash: string; added: number }> = {
  name: "auditHead",
  async load(sql) {
    const head = await sql.get<{ hash: string }>('SELECT "hash" FROM "AuditHead" WHERE "id" = 1');
    if (!head) throw new Error("审计链头不存在（数据库迁移未完成）");
    return { hash: head.hash, added: 0 };
  },
  async save(sql, head) {
    await sql.run('UPDATE "AuditHead" SET "hash" = ?, "count" = "count" + ? WHERE "id" = 1', [head.hash, head.added]);
  },
};

/**
 * Appends this write's events to the chain. Under SQLite's group commit the head is the batch's
 * (read once per COMMIT, saved before it). Otherwise (PostgreSQL, each write its own transaction)
 * the UPDATE takes the head's row lock until commit, answering the last hash; the events and the
 * new head then go in one statement, so the lock is held for one round trip and the COMMIT.
 */
async function appendEvents(sql: SqlTx, rows: ReturnType<Recorder["rows"]>, at: string): Promise<void> {
  const slot = sql.batchSlot(AUDIT_HEAD);
  const head = slot ? (await slot).value : await sql.get<{ hash: string }>(LOCK_HEAD, [rows.length]);
  if (!head) throw new Error("审计链头不存在（数据库迁移未完成）");
  const linked = linkEvents(head.hash, rows);
  const last = linked[linked.length - 1].hash;
  // One statement for all of this write's events.
  const insert = `${INSERT_AUDIT}${linked.map(() => AUDIT_ROW).join(", ")}`;
  const values = linked.flatMap((row) => [
    at,
    row.actorId,
    row.actorRole,
    row.organisationId,
    row.applicationId,
    row.entityType,
    row.entityId,
    row.action,
    row.payload === null ? null : JSON.stringify(row.payload),
    row.prevHash,
    row.hash,
  ]);
  if (slot) {
    await sql.run(insert, values);
    const ref = await slot;
    ref.set({ hash: last, added: ref.value.added + rows.length });
  } else if (sql.kind === "postgres") {
    await sql.queue(`WITH "appended" AS (${insert}) ${MOVE_HEAD}`, [...values, last]);
  } else {
    await sql.run(insert, values);
    await sql.run(MOVE_HEAD, [last]);
  }
}

export async function writeWithSql<T>(db: Db, actor: Actor, work: (w: SqlWork) => Promise<T>): Promise<T> {
  return sqlOf(db).transaction(async (sql) => {
    const audit = new Recorder();
    const result = await work({ sql, audit });
    const now = new Date();
    const rows = audit.rows(actor, now);
    if (rows.length > 0) await appendEvents(sql, rows, sql.time(now));
    return result;
  });
}

/** Records that someone saw something (a staff read of a case, a file download): an audit event of its own. */
export function recordAccess(db: Db, actor: Actor, entry: AuditEntry): Promise<void> {
  return writeWithPrisma(db, actor, async ({ audit }) => audit.record(entry));
}
