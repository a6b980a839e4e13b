import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, describeOnDatabases, type TestDb } from "../support/testDb";
import { loadTemplates, upgradeTemplates } from "@/seed/loadTemplates";
import { seededTemplates } from "../support/seededTemplates";
import { templatesTestDbFor } from "../support/fixtures";
import { seedOrganisations } from "@/seed/organisations";
import { checkDefinitionFile, exportPublished, importAsDrafts } from "@/runtime/features/interchange/interchange";

const templates = seededTemplates();
const root = path.resolve(import.meta.dirname, "../..");

describeOnDatabases("seeding, export and import", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
    await seedOrganisations(t.db);
  }, 120_000);
  afterAll(async () => t?.cleanup());

  it("loads every template as the region's published version 1, idempotently", async () => {
    const first = await loadTemplates(t.db, templates);
    expect(first.created).toBe(templates.length);
    const counts = async () => [await t.db.service.count(), await t.db.serviceVersion.count(), await t.db.auditEvent.count()];
    const before = await counts();
    const second = await loadTemplates(t.db, templates);
    expect(second.created).toBe(0);
    expect(await counts()).toEqual(before);
    const versions = await t.db.serviceVersion.findMany({ select: { number: true, status: true } });
    expect(versions).toHaveLength(templates.length);
    expect(versions.every((v) => v.number === 1 && v.status === "published")).toBe(true);
  });

  it("exports the current published version of every region service as the contract", async () => {
    const exported = await exportPublished(t.db);
    expect(exported.map((e) => e.code)).toEqual(templates.map((tpl) => tpl.code).sort());
    const s001 = exported.find((e) => e.code === "s001")!;
    expect(s001.definition).toEqual(templates.find((tpl) => tpl.code === "s001"));
    expect(s001.definition.source).toMatchObject({ first: 184, last: 406 });
  });

  it("refuses a bad file naming the bad field, and imports a good one as a draft", async () => {
    const bad = structuredClone(templates[0]) as unknown as { guide: { legalLimit: { unit: string }[]; promisedLimit: { unit: string }[] } };
    bad.guide.promisedLimit[0].unit = "week";
    const refused = checkDefinitionFile("bad.json", JSON.stringify(bad));
    expect(refused.definition).toBeUndefined();
    expect(refused.problems[0].path).toBe("guide.promisedLimit.0.unit");
    expect(checkDefinitionFile("broken.json", "{ not json").problems[0].message).toContain("不是有效的 JSON");

    const good = { ...templates[1], title: `${templates[1].title}（导入修订）` };
    const result = await importAsDrafts(t.db, [good], null);
    expect(result).toEqual({ created: 1, updated: 0 });
    const versions = await t.db.serviceVersion.findMany({ where: { service: { code: good.code } }, orderBy: { createdAt: "asc" } });
    expect(versions.map((v) => v.status)).toEqual(["published", "draft"]);
    expect((versions[0].definition as { title: string }).title).toBe(templates[1].title);
  });
});

describe("npm run export on a fresh clone", () => {
  it("creates and seeds the embedded database, then writes one file per service", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "hrss-export-"));
    try {
      const out = path.join(dir, "out");
      const log = execFileSync(process.execPath, ["--import", "tsx", "scripts/export.ts", "--out", out], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: `file:${path.join(dir, "fresh.db")}`, DATA_DIR: path.join(dir, "files") },
        encoding: "utf8",
      });
      expect(log).toContain(`完成：${templates.length} 个服务事项`);
      const files = readdirSync(out);
      expect(files).toHaveLength(templates.length);
      const exported = JSON.parse(readFileSync(path.join(out, "s074.json"), "utf8"));
      expect(exported.title).toContain("工伤认定");

      // Import refuses a file with a bad field and changes nothing.
      writeFileSync(path.join(dir, "bad.json"), JSON.stringify({ ...exported, code: "BAD CODE" }));
      let stderr = "";
      try {
        execFileSync(process.execPath, ["--import", "tsx", "scripts/import.ts", path.join(dir, "bad.json")], {
          cwd: root,
          env: { ...process.env, DATABASE_URL: `file:${path.join(dir, "fresh.db")}` },
          encoding: "utf8",
          stdio: "pipe",
        });
      } catch (error) {
        stderr = String((error as { stderr: string }).stderr);
      }
      expect(stderr).toContain("字段 code");
      expect(stderr).toContain("数据库未作任何更改");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

describeOnDatabases("template upgrades", (kind) => {
  const t = templatesTestDbFor(kind, templates);

  it("publishes a changed template as version 2 of a service no administrator touched, once; leaves edited services alone", async () => {
    expect((await upgradeTemplates(t.db, templates)).upgraded).toEqual([]);
    const changed = (code: string) => {
      const template = structuredClone(templates.find((tpl) => tpl.code === code)!);
      template.summary = `${template.summary}（模板更新）`;
      return template;
    };
    // s002 has a draft an administrator is working on: not touched.
    const s002 = await t.db.service.findFirstOrThrow({ where: { code: "s002", ownerOrgId: "150000" } });
    await t.db.serviceVersion.create({ data: { serviceId: s002.id, status: "draft", definition: templates.find((tpl) => tpl.code === "s002") as never } });
    const next = templates.map((tpl) => (tpl.code === "s001" || tpl.code === "s002" ? changed(tpl.code) : tpl));

    expect((await upgradeTemplates(t.db, next)).upgraded).toEqual(["s001"]);
    const versions = await t.db.serviceVersion.findMany({ where: { service: { code: "s001", ownerOrgId: "150000" } }, orderBy: { number: "asc" } });
    expect(versions.map((v) => [v.number, v.status])).toEqual([[1, "published"], [2, "published"]]);
    expect((versions[1].definition as { summary: string }).summary).toMatch(/（模板更新）$/);
    expect(await t.db.auditEvent.count({ where: { action: "seed", entityId: versions[0].serviceId } })).toBe(2);
    // The catalogue serves the new version; a second start changes nothing.
    const { getPublishedService } = await import("@/runtime/features/catalogue/service");
    expect((await getPublishedService(t.db, "s001")).version).toBe(2);
    expect((await upgradeTemplates(t.db, next)).upgraded).toEqual([]);
    expect(await t.db.serviceVersion.count({ where: { service: { code: "s002" } } })).toBe(2); // v1 and the draft
  });
});
