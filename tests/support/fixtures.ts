/** Test fixtures built from the documented example definition (runtime/definition/example.json). */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll } from "vitest";
import path from "node:path";
import type { Db } from "@/runtime/db";
import { seedDemoAccounts } from "@/seed/demoAccounts";
import { seedOrganisations } from "@/seed/organisations";
import { loadTemplates } from "@/seed/loadTemplates";
import { TEST_DEMO_PASSWORD } from "./demoPassword";
import { createTestDb, type DatabaseKind, type TestDb } from "./testDb";
import { serviceDefinition, type ServiceDefinition } from "@/runtime/definition/schema";

export function exampleDefinition(): ServiceDefinition {
  const raw = JSON.parse(readFileSync(path.join(import.meta.dirname, "../../runtime/definition/example.json"), "utf8"));
  return serviceDefinition.parse(raw);
}

/** Publishes `definition` as the region's version `number` of its service. */
export async function publishService(db: Db, definition: ServiceDefinition, number = 1) {
  const service = await db.service.upsert({
    where: { ownerOrgId_code: { ownerOrgId: "150000", code: definition.code } },
    create: { code: definition.code, ownerOrgId: "150000", title: definition.title, part: definition.group.part, category: definition.group.category },
    update: {},
  });
  const version = await db.serviceVersion.create({
    data: { serviceId: service.id, number, status: "published", definition: definition as never, publishedAt: new Date() },
  });
  return { serviceId: service.id, versionId: version.id };
}

export const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
export const VALID_ID = "11010519491231002X";

/** A fresh migrated database with the organisations and the demo accounts, as a first start leaves it. */
export async function createSeededTestDb(kind: DatabaseKind): Promise<TestDb> {
  const t = await createTestDb(kind);
  await seedOrganisations(t.db);
  await seedDemoAccounts(t.db, TEST_DEMO_PASSWORD);
  return t;
}

/**
 * The database of one describe block, made by `make` before its tests and removed after them. Its
 * fields read the database once made (use them inside tests and hooks).
 */
function testDbFor(kind: DatabaseKind, make: () => Promise<TestDb>): TestDb {
  let made: TestDb | undefined;
  const current = () => {
    if (!made) throw new Error("the test database is made in beforeAll; read it inside a test or hook");
    return made;
  };
  beforeAll(async () => {
    made = await make();
  }, 120_000);
  afterAll(async () => made?.cleanup());
  return {
    kind,
    get url() {
      return current().url;
    },
    get db() {
      return current().db;
    },
    get migration() {
      return current().migration;
    },
    cleanup: async () => made?.cleanup(),
  };
}

/** The seeded database (organisations, demo accounts) of one describe block, with `definitions` published. */
export function seededTestDbFor(kind: DatabaseKind, ...definitions: ServiceDefinition[]): TestDb {
  return testDbFor(kind, async () => {
    const t = await createSeededTestDb(kind);
    for (const definition of definitions) await publishService(t.db, definition);
    return t;
  });
}

/** The database of one describe block with the organisations and `templates` loaded as the region's seeded version 1 (no accounts). */
export function templatesTestDbFor(kind: DatabaseKind, templates: ServiceDefinition[]): TestDb {
  return testDbFor(kind, async () => {
    const t = await createTestDb(kind);
    await seedOrganisations(t.db);
    await loadTemplates(t.db, templates);
    return t;
  });
}
