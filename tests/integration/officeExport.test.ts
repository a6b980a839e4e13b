/**
 * Export per office on SQLite and PostgreSQL: each office gets the most specific published
 * version in its chain (banner → league → region), with whose it is and its base; two banners
 * of one league differ in exactly the service one of them customised; no effective promised
 * limit is longer than its legal limit.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db } from "@/runtime/db";
import type { ServiceDefinition, TimeLimit } from "@/runtime/definition/schema";
import { exportForOffice, isOfficeExportIndex } from "@/runtime/features/interchange/officeExport";
import { createSeededTestDb, exampleDefinition, publishService } from "../support/fixtures";
import { createVariant } from "../support/variantFixtures";
import { describeOnDatabases, type TestDb } from "../support/testDb";

const root = path.resolve(import.meta.dirname, "../..");

const extraMaterial = {
  id: "residence",
  name: "居住证明",
  source: "申请人自备",
  kind: "原件",
  copies: 1,
  medium: "纸质",
  required: false,
  keepPaper: false,
  obtainableBySharing: false,
  scenario: null,
  formId: null,
};

/** Days of a limit in working days, when known (calendar days count as at least as long). */
const comparable = (l: TimeLimit) => (l.unit === "instant" ? 0 : l.days === null ? null : l.days);

describeOnDatabases("export per office", (kind) => {
  let t: TestDb;
  let db: Db;

  beforeAll(async () => {
    t = await createSeededTestDb(kind);
    db = t.db;
    const example = exampleDefinition();
    const a = await publishService(db, { ...example, code: "export-a" });
    const b = await publishService(db, { ...example, code: "export-b" });
    await publishService(db, { ...example, code: "export-c" });
    // 新城区 adds a material and shortens the online limit of A; 呼和浩特市 changes B for all its banners.
    const [online, offline] = example.guide.promisedLimit;
    await createVariant(db, {
      parentServiceId: a.serviceId,
      ownerOrgId: "150102",
      overlay: { set: { "material/residence": extraMaterial, "guide.promisedLimit": [{ ...online, text: "线上 2 个工作日", days: 2 }, offline] } },
    });
    await createVariant(db, { parentServiceId: b.serviceId, ownerOrgId: "150100", overlay: { set: { summary: "呼和浩特市的说明" } } });
    // A banner variant published in a league that is not 150102's: never seen by 150102 or 150103.
    await createVariant(db, { parentServiceId: a.serviceId, ownerOrgId: "150202", overlay: { set: { summary: "包头市东河区" } } });
  }, 120_000);
  afterAll(async () => t?.cleanup());

  it("gives each office the most specific published version in its chain, and says whose it is", async () => {
    const xincheng = await exportForOffice(db, "150102");
    const huimin = await exportForOffice(db, "150103");
    expect(isOfficeExportIndex(xincheng.index)).toBe(true);
    expect(xincheng.index.office).toEqual({ code: "150102", name: expect.stringContaining("新城") });
    expect(xincheng.index.services.map((s) => [s.code, s.ownerOrgId, s.version, s.baseVersion, s.baseOwnerOrgId])).toEqual([
      ["export-a", "150102", 1, 1, "150000"],
      ["export-b", "150100", 1, 1, "150000"],
      ["export-c", "150000", 1, null, null],
    ]);
    expect(huimin.index.services.map((s) => [s.code, s.ownerOrgId])).toEqual([
      ["export-a", "150000"],
      ["export-b", "150100"],
      ["export-c", "150000"],
    ]);
    // The two banners differ in exactly the service 新城区 customised.
    const differing = [...xincheng.definitions.keys()].filter((code) => JSON.stringify(xincheng.definitions.get(code)) !== JSON.stringify(huimin.definitions.get(code)));
    expect(differing).toEqual(["export-a"]);
    const a = xincheng.definitions.get("export-a")!;
    expect(a.materials.map((m) => m.id)).toContain("residence");
    expect(a.guide.promisedLimit[0]).toMatchObject({ days: 2 });
    expect(huimin.definitions.get("export-b")!.summary).toBe("呼和浩特市的说明");
    // The region's own export is unchanged by variants.
    const region = await exportForOffice(db, "150000");
    expect(region.index.services.every((s) => s.ownerOrgId === "150000")).toBe(true);
  });

  it("never exports a promised limit longer than the legal limit", async () => {
    for (const office of ["150102", "150103", "150202", "150000"]) {
      const { definitions } = await exportForOffice(db, office);
      for (const [code, definition] of definitions as Map<string, ServiceDefinition>) {
        const legal = definition.guide.legalLimit.map(comparable).filter((d): d is number => d !== null);
        if (legal.length === 0) continue;
        for (const promised of definition.guide.promisedLimit) {
          const days = comparable(promised);
          if (days !== null) expect(days, `${office} ${code}`).toBeLessThanOrEqual(Math.max(...legal));
        }
      }
    }
  });

  it("refuses an unknown office", async () => {
    await expect(exportForOffice(db, "159999")).rejects.toThrow("没有编码为 159999 的单位");
  });

  it("npm run export -- --office writes the office's definitions; importing them as the region's templates is refused", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "hrss-office-export-"));
    const run = (script: string, args: string[]) =>
      spawnSync(process.execPath, ["--import", "tsx", script, ...args], { cwd: root, env: { ...process.env, DATABASE_URL: t.url, DATA_DIR: path.join(dir, "files") }, encoding: "utf8" });
    try {
      const out = path.join(dir, "150102");
      const exported = run("scripts/export.ts", ["--office", "150102", "--out", out]);
      expect(exported.status, exported.stderr).toBe(0);
      // (The script prepares the database first, so the seeded templates are exported too.)
      const ours = ["_index.json", "export-a.json", "export-b.json", "export-c.json"];
      expect(readdirSync(out)).toEqual(expect.arrayContaining(ours));
      const drafts = await db.serviceVersion.count({ where: { status: "draft" } });
      const imported = run("scripts/import.ts", ours.map((f) => path.join(out, f)));
      expect(imported.status).toBe(1);
      expect(imported.stderr).toContain("export-a.json：这是新城区的本地版本");
      expect(imported.stderr).toContain("export-b.json：这是呼和浩特市的本地版本");
      expect(imported.stderr).toContain("数据库未作任何更改");
      expect(await db.serviceVersion.count({ where: { status: "draft" } })).toBe(drafts);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
