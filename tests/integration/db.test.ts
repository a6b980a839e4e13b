import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, mkdirSync, rmSync, writeFileSync, appendFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  closeDb,
  dbKind,
  defaultMigrationsDir,
  getDb,
  isUniqueViolation,
  loadMigrations,
  migrate,
  MigrationChecksumError,
  Prisma,
  sqlOf,
  type Db,
} from "@/runtime/db";
import { nextCounter } from "@/runtime/features/cases/caseStore";
import { createTestDb, databaseKinds, describeOnDatabases, pgUnavailableReason, type TestDb } from "../support/testDb";

async function fixtures(db: Db) {
  await db.organisation.createMany({
    data: [
      { id: "150000", name: "内蒙古自治区", level: "region" },
      { id: "150100", name: "呼和浩特市", level: "league", parentId: "150000" },
      { id: "150102", name: "新城区", level: "banner", parentId: "150100" },
    ],
  });
  const applicant = await db.user.create({
    data: { username: "p1", displayName: "张三", passwordHash: "x", kind: "person" },
  });
  const other = await db.user.create({
    data: { username: "p2", displayName: "李四", passwordHash: "x", kind: "person" },
  });
  const service = await db.service.create({
    data: { code: "S001", ownerOrgId: "150000", title: "失业登记", part: "就业", category: "登记" },
  });
  const version = await db.serviceVersion.create({
    data: { serviceId: service.id, number: 1, status: "published", definition: { title: "失业登记" } },
  });
  return { applicant, other, service, version };
}

describe("getDb", () => {
  it("caches one client per process for DATABASE_URL, creating the SQLite folder, in WAL mode, savepoint journals in memory", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "getdb-"));
    const prev = process.env.DATABASE_URL;
    process.env.DATABASE_URL = `file:${path.join(dir, "nested", "app.db")}`;
    try {
      await migrate();
      const db = getDb();
      expect(getDb()).toBe(db);
      expect(dbKind(db)).toBe("sqlite");
      expect(await db.counter.count()).toBe(0);
      const [mode] = await db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
      expect(mode.journal_mode).toBe("wal");
      const [fk] = await db.$queryRawUnsafe<{ foreign_keys: bigint | number }[]>("PRAGMA foreign_keys");
      expect(Number(fk.foreign_keys)).toBe(1);
      // Each group-committed write's savepoint journal in memory (2), not a temporary file per write.
      const [temp] = await db.$queryRawUnsafe<{ temp_store: bigint | number }[]>("PRAGMA temp_store");
      expect(Number(temp.temp_store)).toBe(2);
    } finally {
      await closeDb();
      if (prev === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = prev;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describeOnDatabases("database", (kind) => {
  let t: TestDb;
  let db: Db;
  let f: Awaited<ReturnType<typeof fixtures>>;
  const scratch: string[] = [];

  beforeAll(async () => {
    t = await createTestDb(kind);
    db = t.db;
    f = await fixtures(db);
  });
  afterAll(async () => {
    await t?.cleanup();
    for (const d of scratch) rmSync(d, { recursive: true, force: true });
  });

  function copyMigrations(): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), `migrations-${kind}-`));
    scratch.push(dir);
    cpSync(defaultMigrationsDir(kind), dir, { recursive: true });
    return dir;
  }

  it("applied every committed migration, and a second run applies nothing", async () => {
    const names = loadMigrations(defaultMigrationsDir(kind)).map((m) => m.name);
    expect(names.length).toBeGreaterThan(0);
    expect(t.migration.applied).toEqual(names);
    const again = await migrate(t.url);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toEqual(names);
    // and a third time, for good measure: still nothing, data untouched
    expect((await migrate(t.url)).applied).toEqual([]);
    expect(await db.organisation.count()).toBe(3);
  });

  it("applies only new migrations, and refuses an edited applied one", async () => {
    const fresh = await createTestDb(kind, { migrate: false });
    try {
      const dir = copyMigrations();
      const first = await migrate(fresh.url, { dir });
      expect(first.applied.length).toBeGreaterThan(0);

      mkdirSync(path.join(dir, "99990101000000_extra"));
      writeFileSync(path.join(dir, "99990101000000_extra", "migration.sql"), 'CREATE TABLE "Extra" ("id" TEXT NOT NULL PRIMARY KEY);\n');
      const second = await migrate(fresh.url, { dir });
      expect(second.applied).toEqual(["99990101000000_extra"]);

      appendFileSync(path.join(dir, first.applied[0], "migration.sql"), "\n-- edited\n");
      await expect(migrate(fresh.url, { dir })).rejects.toBeInstanceOf(MigrationChecksumError);
      await expect(migrate(fresh.url, { dir })).rejects.toThrow(/has changed/);
    } finally {
      await fresh.cleanup();
    }
  });

  it("rolls back a failing migration and does not record it", async () => {
    const fresh = await createTestDb(kind, { migrate: false });
    try {
      const dir = copyMigrations();
      await migrate(fresh.url, { dir });
      mkdirSync(path.join(dir, "99990101000000_broken"));
      writeFileSync(
        path.join(dir, "99990101000000_broken", "migration.sql"),
        'CREATE TABLE "Half" ("id" TEXT NOT NULL PRIMARY KEY);\nTHIS IS NOT SQL;\n',
      );
      await expect(migrate(fresh.url, { dir })).rejects.toThrow(/99990101000000_broken failed and was rolled back/);
      // Fix it: it applies cleanly, so "Half" was rolled back the first time.
      writeFileSync(path.join(dir, "99990101000000_broken", "migration.sql"), 'CREATE TABLE "Half" ("id" TEXT NOT NULL PRIMARY KEY);\n');
      expect((await migrate(fresh.url, { dir })).applied).toEqual(["99990101000000_broken"]);
    } finally {
      await fresh.cleanup();
    }
  });

  it("survives several instances migrating at once", async () => {
    const fresh = await createTestDb(kind, { migrate: false });
    try {
      const results = await Promise.all([migrate(fresh.url), migrate(fresh.url), migrate(fresh.url)]);
      const names = loadMigrations(defaultMigrationsDir(kind)).map((m) => m.name);
      expect(results.flatMap((r) => r.applied).sort()).toEqual(names.sort());
    } finally {
      await fresh.cleanup();
    }
  });

  it.runIf(kind === "sqlite")("survives several processes migrating one SQLite file at once", async () => {
    const fresh = await createTestDb(kind, { migrate: false });
    try {
      const migrateTs = path.resolve(import.meta.dirname, "../../runtime/db/migrate.ts");
      const code =
        `const { migrate } = await import(${JSON.stringify(pathToFileURL(migrateTs).href)});` +
        `const r = await migrate(${JSON.stringify(fresh.url)});` +
        `process.stdout.write(JSON.stringify(r.applied));`;
      const run = () =>
        new Promise<string[]>((resolve, reject) => {
          execFile(
            process.execPath,
            ["--import", "tsx", "--input-type=module", "-e", code],
            { cwd: path.resolve(import.meta.dirname, "../.."), timeout: 60_000 },
            (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(JSON.parse(stdout))),
          );
        });
      const results = await Promise.all([run(), run(), run()]);
      const names = loadMigrations(defaultMigrationsDir(kind)).map((m) => m.name);
      expect(results.flat().sort()).toEqual(names.sort());
    } finally {
      await fresh.cleanup();
    }
  });

  it("round-trips Json values", async () => {
    const definition = {
      title: "就业失业登记",
      nested: { list: [1, 2.5, -3, "四", true, false, null, { deep: ["x"] }], empty: {}, emptyList: [] },
      unicode: "內蒙古 ᠮᠣᠩᠭᠣᠯ 🐎",
      quote: "a \"quoted\" 'string' \\ with backslash",
      big: 9007199254740991,
    };
    const v = await db.serviceVersion.create({
      data: { serviceId: f.service.id, status: "draft", definition },
    });
    const back = await db.serviceVersion.findUniqueOrThrow({ where: { id: v.id } });
    expect(back.definition).toEqual(definition);
    expect(back.number).toBeNull();
    expect(back.revision).toBe(1);

    const app = await db.application.create({
      data: {
        serviceId: f.service.id,
        serviceVersionId: f.version.id,
        officeId: "150102",
        applicantId: f.applicant.id,
        status: "draft",
        formData: [{ field: "name", value: "张三" }],
      },
    });
    const appBack = await db.application.findUniqueOrThrow({ where: { id: app.id } });
    expect(appBack.formData).toEqual([{ field: "name", value: "张三" }]);
    expect(appBack.engineState).toBeNull();
    expect(appBack.rowVersion).toBe(1);
    expect(appBack.createdAt).toBeInstanceOf(Date);

    await db.application.update({ where: { id: app.id }, data: { engineState: Prisma.JsonNull } });
    expect((await db.application.findUniqueOrThrow({ where: { id: app.id } })).engineState).toBeNull();

    const e1 = await db.auditEvent.create({
      data: { entityType: "Application", entityId: app.id, applicationId: app.id, action: "create", payload: { a: 1 } },
    });
    const e2 = await db.auditEvent.create({
      data: { entityType: "Application", entityId: app.id, applicationId: app.id, action: "save", payload: "just a string" },
    });
    expect(e2.id).toBeGreaterThan(e1.id);
    const timeline = await db.auditEvent.findMany({ where: { applicationId: app.id }, orderBy: { id: "asc" } });
    expect(timeline.map((e) => e.payload)).toEqual([{ a: 1 }, "just a string"]);
    expect(timeline[0].at).toBeInstanceOf(Date);
  });

  it("enforces one idempotency key per applicant", async () => {
    const base = {
      serviceId: f.service.id,
      serviceVersionId: f.version.id,
      officeId: "150102",
      status: "submitted",
      formData: {},
    };
    await db.application.create({ data: { ...base, applicantId: f.applicant.id, idempotencyKey: "k-1" } });
    const dup = db.application.create({ data: { ...base, applicantId: f.applicant.id, idempotencyKey: "k-1" } });
    await expect(dup).rejects.toSatisfy(isUniqueViolation);
    // Same key, other applicant: fine. No key: any number of them.
    await db.application.create({ data: { ...base, applicantId: f.other.id, idempotencyKey: "k-1" } });
    await db.application.create({ data: { ...base, applicantId: f.applicant.id } });
    await db.application.create({ data: { ...base, applicantId: f.applicant.id } });
    // Case numbers are unique too.
    await db.application.create({ data: { ...base, applicantId: f.applicant.id, caseNumber: "C-1" } });
    await expect(
      db.application.create({ data: { ...base, applicantId: f.other.id, caseNumber: "C-1" } }),
    ).rejects.toSatisfy(isUniqueViolation);
  });

  it("enforces one service code per owner", async () => {
    const s = { title: "t", part: "p", category: "c" };
    await expect(db.service.create({ data: { ...s, code: "S001", ownerOrgId: "150000" } })).rejects.toSatisfy(
      isUniqueViolation,
    );
    // The same code under another owner (a local variant) is fine.
    const variant = await db.service.create({
      data: { ...s, code: "S001", ownerOrgId: "150100", parentServiceId: f.service.id },
    });
    expect(variant.parentServiceId).toBe(f.service.id);
    await expect(
      db.service.create({ data: { ...s, code: "S001", ownerOrgId: "150100" } }),
    ).rejects.toSatisfy(isUniqueViolation);
    // (serviceId, number) is unique for versions; drafts (number null) are not limited.
    await expect(
      db.serviceVersion.create({ data: { serviceId: f.service.id, number: 1, status: "published", definition: {} } }),
    ).rejects.toSatisfy(isUniqueViolation);
    await db.serviceVersion.create({ data: { serviceId: f.service.id, status: "draft", definition: {} } });
    await db.serviceVersion.create({ data: { serviceId: f.service.id, status: "draft", definition: {} } });
  });

  it("queued writes (SqlTx.queue) keep their values exactly, are seen by the next statement, and fail the transaction as a whole", async () => {
    const db = t.db;
    const tricky = "O'Brien \\ 反斜杠 \"引号\" ; DROP TABLE \"Counter\"; -- ？?";
    const read = (sql: Parameters<Parameters<ReturnType<typeof sqlOf>["transaction"]>[0]>[0]) =>
      sql.get<{ value: number }>('SELECT "value" FROM "Counter" WHERE "name" = ?', [tricky]);
    const seen = await sqlOf(db).transaction(async (sql) => {
      await sql.queue('INSERT INTO "Counter" ("name", "value") VALUES (?, ?)', [tricky, 41]);
      await sql.queue('UPDATE "Counter" SET "value" = "value" + ? WHERE "name" = ?', [1, tricky]);
      return read(sql);
    });
    expect(Number(seen?.value)).toBe(42);
    expect((await db.counter.findUniqueOrThrow({ where: { name: tricky } })).value).toBe(42);

    // A queued write that breaks a unique key is thrown by the next statement; nothing of the transaction stays.
    await expect(
      sqlOf(db).transaction(async (sql) => {
        await sql.queue('INSERT INTO "Counter" ("name", "value") VALUES (?, ?)', ["queued-before", 1]);
        await sql.queue('INSERT INTO "Counter" ("name", "value") VALUES (?, ?)', [tricky, 1]);
        return read(sql);
      }),
    ).rejects.toSatisfy(isUniqueViolation);
    expect(await db.counter.findUnique({ where: { name: "queued-before" } })).toBeNull();

    // …and by the COMMIT when nothing follows it.
    await expect(
      sqlOf(db).transaction(async (sql) => {
        await sql.queue('INSERT INTO "Counter" ("name", "value") VALUES (?, ?)', ["queued-last", 1]);
        await sql.queue('INSERT INTO "Counter" ("name", "value") VALUES (?, ?)', [tricky, 1]);
      }),
    ).rejects.toSatisfy(isUniqueViolation);
    expect(await db.counter.findUnique({ where: { name: "queued-last" } })).toBeNull();
  });

  it("increments counters atomically under concurrent transactions (nextCounter, as case numbers use it)", async () => {
    const n = 25;
    const values = await Promise.all(
      Array.from({ length: n }, () =>
        sqlOf(db).transaction((sql) => nextCounter(sql, "case:2026")),
      ),
    );
    expect([...values].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    expect((await db.counter.findUniqueOrThrow({ where: { name: "case:2026" } })).value).toBe(n);

    // A rolled-back transaction does not consume a number.
    await expect(
      sqlOf(db).transaction(async (sql) => {
        await nextCounter(sql, "case:2026");
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await sqlOf(db).transaction((sql) => nextCounter(sql, "case:2026"))).toBe(n + 1);
  });

  it.runIf(kind === "postgres")("increments atomically across separate clients (several app instances)", async () => {
    const { createDb } = await import("@/runtime/db");
    const clients = [createDb(t.url, { poolSize: 4 }), createDb(t.url, { poolSize: 4 })];
    try {
      const values = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          sqlOf(clients[i % 2]).transaction((sql) => nextCounter(sql, "multi")),
        ),
      );
      expect(new Set(values).size).toBe(30);
      expect(Math.max(...values)).toBe(30);
    } finally {
      await Promise.all(clients.map((c) => c.$disconnect()));
    }
  });
});

// One check for all kinds: the schema engine (wasm) is loaded once per process.
describe("committed migrations", () => {
  const kinds = databaseKinds();
  it(`match prisma/schema.prisma on ${kinds.join(" and ")} (no schema change without a migration)`, async () => {
    const { pendingSchemaChanges } = await import("@/scripts/create-migration");
    const { scripts, postgresSchemaStale } = await pendingSchemaChanges(kinds, { pgServerUrl: process.env.TEST_PG_URL });
    for (const kind of kinds) expect(scripts[kind], `${kind}: run npm run migrations:create -- <name>`).toBe("");
    expect(postgresSchemaStale, "run npm run prisma:generate").toBe(false);
  }, 120_000);
});

// Without PostgreSQL the check above covers SQLite only: say so.
const pgReason = pgUnavailableReason();
if (pgReason) {
  describe.skip(`committed migrations on postgres — skipped: PostgreSQL unavailable (${pgReason})`, () => {
    it("match prisma/schema.prisma (no schema change without a migration)", () => {});
  });
}
