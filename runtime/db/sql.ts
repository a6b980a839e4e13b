/**
 * Plain SQL on the very connections Prisma uses, for the hot write paths (filing a case,
 * a caseworker's claim and action). Measured: a submission through Prisma 7's driver
 * adapters spends ~5 ms in the query compiler/interpreter; the same statements prepared
 * once on the driver take a few tens of microseconds (see ARCHITECTURE.md, "hot path").
 *
 * - SQLite: Prisma's better-sqlite3 adapter owns one connection and a mutex for its
 *   transactions. We open our transactions through that adapter (so Prisma's and ours never
 *   interleave) and run prepared, cached statements on the same connection.
 * - PostgreSQL: Prisma's adapter is given our pg Pool; we take a client from it, BEGIN …
 *   COMMIT, with named (server-prepared) statements.
 *
 * Statements are written once with `?` placeholders and double-quoted identifiers; PostgreSQL
 * gets `$1…` in their place. Only this module and runtime/write may open transactions (lint).
 */
import "server-only";
import type Database from "better-sqlite3";
import type { Pool, PoolClient, QueryResult } from "pg";
import { createHash } from "node:crypto";
import type { DbKind } from "./url";

export type SqlValue = string | number | null | boolean;

export interface SqlTx {
  readonly kind: DbKind;
  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Runs a statement; answers how many rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /**
   * A write whose outcome the caller does not read (a new row, a closed task). SQLite runs it at
   * once. PostgreSQL sends it with the transaction's next statement or with its COMMIT, in the same
   * round trip: the statements still run one after another, each seeing those before it, and an
   * error one of them raises is thrown by that next call — inside the transaction, which then
   * rolls back as a whole, as it would have at once.
   */
  queue(sql: string, params?: readonly SqlValue[]): Promise<void>;
  /** A timestamp as the column stores it (Prisma's formats: ISO text on SQLite, timestamp(3) on PostgreSQL). */
  time(at: Date): string;
  /** A JSON column's value as read (text on SQLite, parsed on PostgreSQL). */
  json<T>(value: unknown): T;
  /**
   * Under SQLite's group commit, the writes of one COMMIT share this slot's value: the first
   * loads it, each may replace it, and it is saved once before the COMMIT (a write that rolls
   * back to its savepoint restores the value it found). Null where every write is its own
   * transaction (PostgreSQL): the caller reads and writes the row itself.
   */
  batchSlot<T>(slot: BatchSlot<T>): Promise<SlotRef<T>> | null;
}

export interface BatchSlot<T> {
  readonly name: string;
  load(tx: SqlTx): Promise<T>;
  save(tx: SqlTx, value: T): Promise<void>;
}

export interface SlotRef<T> {
  readonly value: T;
  set(value: T): void;
}

export interface SqlDb {
  readonly kind: DbKind;
  transaction<T>(work: (tx: SqlTx) => Promise<T>): Promise<T>;
  /**
   * One row of a read outside any write (the session lookup of every request): a prepared
   * statement on the driver. On SQLite it runs on the one connection, so it sees what the
   * open group-commit batch wrote — as Prisma's own reads on that connection do.
   */
  readOne<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
}

/** The Prisma adapter's transaction handle: its commit/rollback only release the adapter's lock. */
interface AdapterTransaction {
  commit(): Promise<void>;
  rollback(): Promise<void>;
}
export interface SqliteAdapterHandle {
  client: Database.Database;
  startTransaction(): Promise<AdapterTransaction>;
}

const sqliteTime = (at: Date) => at.toISOString().replace("Z", "+00:00");
const postgresTime = (at: Date) => at.toISOString().slice(0, 23);

class SqliteTx implements SqlTx {
  readonly kind = "sqlite" as const;
  /** Set by the batch this handle belongs to. */
  batch: SqliteBatch | null = null;
  constructor(private readonly statement: (sql: string) => Database.Statement) {}
  batchSlot<T>(slot: BatchSlot<T>): Promise<SlotRef<T>> | null {
    return this.batch ? this.batch.slot(slot) : null;
  }
  get<T>(sql: string, params: readonly SqlValue[] = []) {
    return Promise.resolve(this.statement(sql).get(...params.map(sqliteValue)) as T | undefined);
  }
  all<T>(sql: string, params: readonly SqlValue[] = []) {
    return Promise.resolve(this.statement(sql).all(...params.map(sqliteValue)) as T[]);
  }
  run(sql: string, params: readonly SqlValue[] = []) {
    return Promise.resolve(Number(this.statement(sql).run(...params.map(sqliteValue)).changes));
  }
  queue(sql: string, params: readonly SqlValue[] = []) {
    this.statement(sql).run(...params.map(sqliteValue));
    return Promise.resolve();
  }
  time = sqliteTime;
  json<T>(value: unknown): T {
    return (typeof value === "string" ? JSON.parse(value) : value) as T;
  }
}

const sqliteValue = (v: SqlValue) => (typeof v === "boolean" ? (v ? 1 : 0) : v);

/**
 * Group commit on SQLite. Every write transaction waits for its COMMIT, and a COMMIT waits for the
 * disk (the WAL is synced at each commit). So writes that arrive in the same turn of the event
 * loop share one transaction: each runs alone, in its own SAVEPOINT (a failed write rolls back to
 * it, and only it), one after the other; at the end of the turn the batch commits once, and only
 * then is any of them answered. Same isolation and durability per write as one transaction each;
 * one disk sync per batch instead of one per write.
 */
class SqliteBatch {
  private chain: Promise<void> = Promise.resolve();
  closing = false;
  /** Set when SQLite rolled the batch's transaction back by itself. */
  private broken: unknown = null;
  private readonly committed: Promise<void>;
  private settle!: { resolve: () => void; reject: (error: unknown) => void };
  /** Slot values shared by this batch's writes (see SqlTx.batchSlot), saved before COMMIT. */
  private slots = new Map<string, { slot: BatchSlot<unknown>; value: unknown; changed: boolean }>();

  constructor(
    private readonly client: Database.Database,
    private readonly statement: (sql: string) => Database.Statement,
    private readonly lock: AdapterTransaction,
    private readonly tx: SqliteTx,
    private readonly onClosed: (batch: SqliteBatch) => void,
  ) {
    this.committed = new Promise<void>((resolve, reject) => (this.settle = { resolve, reject }));
    this.committed.catch(() => {}); // each write answers for itself
    tx.batch = this;
    setImmediate(() => this.close());
  }

  async slot<T>(slot: BatchSlot<T>): Promise<SlotRef<T>> {
    let entry = this.slots.get(slot.name);
    if (!entry) {
      entry = { slot: slot as BatchSlot<unknown>, value: await slot.load(this.tx), changed: false };
      this.slots.set(slot.name, entry);
    }
    const slots = () => this.slots;
    return {
      get value() {
        return slots().get(slot.name)!.value as T;
      },
      set: (value: T) => {
        // Replaced, never mutated: a write that rolls back restores the entry it found.
        this.slots.set(slot.name, { slot: slot as BatchSlot<unknown>, value, changed: true });
      },
    };
  }

  run<T>(work: (tx: SqlTx) => Promise<T>): Promise<T> {
    const done = this.chain.then(async () => {
      // The shared transaction is gone (see below): a SAVEPOINT now would start and commit a transaction of its own.
      if (this.broken) throw this.broken;
      this.statement("SAVEPOINT write").run();
      const slotsBefore = new Map(this.slots);
      try {
        const result = await work(this.tx);
        this.statement("RELEASE write").run();
        return result;
      } catch (error) {
        if (this.client.inTransaction) {
          this.statement("ROLLBACK TO write").run();
          this.statement("RELEASE write").run();
          this.slots = slotsBefore;
        } else {
          // SQLite rolled the whole transaction back by itself (disk full, I/O error): every write of
          // this batch is undone, so none of them may be answered as stored, and no more join it.
          this.broken = error;
          this.closing = true;
          this.settle.reject(error);
        }
        throw error;
      }
    });
    this.chain = done.then(
      () => undefined,
      () => undefined,
    );
    return done.then((result) => this.committed.then(() => result));
  }

  private close() {
    this.closing = true;
    void this.chain.then(async () => {
      try {
        if (this.broken) return; // already rolled back and answered
        for (const { slot, value, changed } of this.slots.values()) if (changed) await slot.save(this.tx, value);
        this.statement("COMMIT").run();
        this.settle.resolve();
      } catch (error) {
        if (this.client.inTransaction) this.client.prepare("ROLLBACK").run();
        this.settle.reject(error);
      } finally {
        this.onClosed(this);
        await this.lock.commit(); // releases the adapter's mutex only
      }
    });
  }
}

export class SqliteSql implements SqlDb {
  readonly kind = "sqlite" as const;
  private readonly statements = new Map<string, Database.Statement>();
  private current: SqliteBatch | null = null;
  private opening: Promise<SqliteBatch> | null = null;
  constructor(private readonly adapter: () => Promise<SqliteAdapterHandle>) {}

  private prepare(client: Database.Database, sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = client.prepare(sql);
      // Prisma's connection returns BigInt for integers; this path wants plain numbers.
      if (statement.reader) statement.safeIntegers(false);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** The batch still open in this turn, or a new one (BEGIN under the Prisma adapter's mutex). */
  private batch(): Promise<SqliteBatch> {
    if (this.current && !this.current.closing) return Promise.resolve(this.current);
    this.opening ??= (async () => {
      try {
        const adapter = await this.adapter();
        const lock = await adapter.startTransaction();
        const client = adapter.client;
        const statement = (sql: string) => this.prepare(client, sql);
        // A handle per batch: its batchSlot reaches this batch's slots.
        this.current = new SqliteBatch(client, statement, lock, new SqliteTx(statement), (closed) => {
          if (this.current === closed) this.current = null;
        });
        return this.current;
      } finally {
        this.opening = null;
      }
    })();
    return this.opening;
  }

  async transaction<T>(work: (tx: SqlTx) => Promise<T>): Promise<T> {
    return (await this.batch()).run(work);
  }

  async readOne<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    const adapter = await this.adapter();
    return this.prepare(adapter.client, sql).get(...params.map(sqliteValue)) as T | undefined;
  }
}

const placeholders = new Map<string, { name: string; text: string }>();
function postgresStatement(sql: string) {
  let statement = placeholders.get(sql);
  if (!statement) {
    let n = 0;
    const text = sql.replace(/\?/g, () => `$${++n}`);
    statement = { name: `q${createHash("sha1").update(text).digest("hex").slice(0, 16)}`, text };
    placeholders.set(sql, statement);
  }
  return statement;
}

/**
 * A statement with its values written in (for a query of several statements, which the extended
 * protocol's parameters cannot carry). Values are the driver's own escaping of text
 * (`escapeLiteral`), finite numbers, booleans and NULL; the statements' `?` are placeholders only.
 */
function inlined(client: PoolClient, sql: string, params: readonly SqlValue[]): string {
  let n = 0;
  const text = sql.replace(/\?/g, () => {
    if (n >= params.length) throw new Error("SQL 语句的参数个数不符（程序缺陷）");
    const value = params[n++];
    if (value === null) return "NULL";
    if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
    if (typeof value === "number") {
      if (!Number.isFinite(value)) throw new Error("SQL 语句的数值参数无效（程序缺陷）");
      return String(value);
    }
    return client.escapeLiteral(value);
  });
  if (n !== params.length) throw new Error("SQL 语句的参数个数不符（程序缺陷）");
  return text;
}

class PostgresTx implements SqlTx {
  readonly kind = "postgres" as const;
  /** Statements waiting for the next round trip (see `queue`), their values written in. */
  private pending: string[] = [];
  constructor(private readonly client: PoolClient) {}
  batchSlot(): null {
    return null;
  }
  private async query<T>(sql: string, params: readonly SqlValue[]): Promise<QueryResult<T & object>> {
    if (this.pending.length > 0) {
      // What is queued, then this statement: one query of several statements, one round trip; its last result is this statement's.
      const text = [...this.pending, inlined(this.client, sql, params)].join(";\n");
      this.pending = [];
      const results = (await this.client.query<T & object>(text)) as unknown as QueryResult<T & object> | QueryResult<T & object>[];
      return Array.isArray(results) ? results[results.length - 1] : results;
    }
    const { name, text } = postgresStatement(sql);
    return this.client.query<T & object>({ name, text, values: params as SqlValue[] });
  }
  async get<T>(sql: string, params: readonly SqlValue[] = []) {
    return (await this.query<T>(sql, params)).rows[0] as T | undefined;
  }
  async all<T>(sql: string, params: readonly SqlValue[] = []) {
    return (await this.query<T>(sql, params)).rows as T[];
  }
  async run(sql: string, params: readonly SqlValue[] = []) {
    return (await this.query(sql, params)).rowCount ?? 0;
  }
  queue(sql: string, params: readonly SqlValue[] = []) {
    this.pending.push(inlined(this.client, sql, params));
    return Promise.resolve();
  }
  /** The transaction's start, sent with its first statement. */
  begin() {
    this.pending.push("BEGIN");
  }
  /** COMMIT, after whatever is still queued: one round trip. */
  async commit() {
    await this.client.query([...this.pending, "COMMIT"].join(";\n"));
    this.pending = [];
  }
  time = postgresTime;
  json<T>(value: unknown): T {
    return value as T;
  }
}

export class PostgresSql implements SqlDb {
  readonly kind = "postgres" as const;
  constructor(private readonly pool: Pool) {}

  async readOne<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    const { name, text } = postgresStatement(sql);
    return (await this.pool.query<T & object>({ name, text, values: params as SqlValue[] })).rows[0] as T | undefined;
  }
  async transaction<T>(work: (tx: SqlTx) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken = false;
    try {
      const tx = new PostgresTx(client);
      tx.begin();
      const result = await work(tx);
      await tx.commit();
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }
}

/** True when `err` is a unique-constraint violation from either driver or from Prisma. */
export function isDriverUniqueViolation(err: unknown): boolean {
  if (typeof err !== "object" || err === null) return false;
  const code = (err as { code?: unknown }).code;
  return code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "23505";
}
