import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, describeOnDatabases, type TestDb } from "@/tests/support/testDb";
import { buildOrganisations, divisionId, REGION_ID, seedOrganisations } from "./organisations";

describe("buildOrganisations", () => {
  const orgs = buildOrganisations();
  const byId = new Map(orgs.map((o) => [o.id, o]));

  it("has the region at the root", () => {
    expect(orgs[0]).toEqual({ id: "150000", name: "内蒙古自治区", level: "region", parentId: null });
    expect(orgs.filter((o) => o.level === "region")).toHaveLength(1);
    expect(REGION_ID).toBe("150000");
  });

  it("has the 12 leagues and cities under the region", () => {
    const leagues = orgs.filter((o) => o.level === "league");
    expect(leagues).toHaveLength(12);
    expect(leagues.every((l) => l.parentId === "150000")).toBe(true);
    expect(byId.get("150100")?.name).toBe("呼和浩特市");
    expect(divisionId("1501")).toBe("150100");
    expect(leagues.map((l) => l.name)).toEqual(expect.arrayContaining(["阿拉善盟", "兴安盟", "锡林郭勒盟", "呼伦贝尔市"]));
    expect(byId.get("152900")).toMatchObject({ name: "阿拉善盟", level: "league" });
  });

  it("puts every banner-level division, development zones included, under a league", () => {
    const banners = orgs.filter((o) => o.level === "banner");
    expect(banners.length).toBeGreaterThanOrEqual(103);
    for (const b of banners) {
      expect(b.id).toMatch(/^15\d{4}$/);
      expect(byId.get(b.parentId!)?.level).toBe("league");
      expect(b.parentId!.slice(0, 4)).toBe(b.id.slice(0, 4));
    }
    expect(byId.get("150102")).toMatchObject({ name: "新城区", parentId: "150100" });
    expect(byId.get("150172")).toMatchObject({ name: "呼和浩特经济技术开发区", parentId: "150100" });
    expect(banners.some((b) => b.name === "额济纳旗" && b.parentId === "152900")).toBe(true);
    expect(banners.some((b) => b.name === "市辖区")).toBe(false);
  });

  it("has unique ids, parents before children, and is deterministic", () => {
    expect(new Set(orgs.map((o) => o.id)).size).toBe(orgs.length);
    const seen = new Set<string>();
    for (const o of orgs) {
      if (o.parentId) expect(seen.has(o.parentId)).toBe(true);
      seen.add(o.id);
    }
    expect(buildOrganisations()).toEqual(orgs);
  });
});

describeOnDatabases("seedOrganisations", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(async () => t?.cleanup());

  it("loads the tree idempotently, repairing drift but keeping addresses", async () => {
    const total = buildOrganisations().length;
    expect(await seedOrganisations(t.db)).toEqual({ created: total, updated: 0, unchanged: 0 });
    expect(await t.db.organisation.count()).toBe(total);

    await t.db.organisation.update({ where: { id: "150100" }, data: { name: "旧名", address: "新华大街 1 号" } });
    expect(await seedOrganisations(t.db)).toEqual({ created: 0, updated: 1, unchanged: total - 1 });
    const hohhot = await t.db.organisation.findUniqueOrThrow({ where: { id: "150100" }, include: { children: true } });
    expect(hohhot).toMatchObject({ name: "呼和浩特市", address: "新华大街 1 号", parentId: "150000" });
    expect(hohhot.children.length).toBeGreaterThan(5);

    // Two loaders at once (two instances starting): no error, no duplicates.
    await t.db.organisation.deleteMany({ where: { level: "banner", parentId: "152900" } });
    await Promise.all([seedOrganisations(t.db), seedOrganisations(t.db)]);
    expect(await t.db.organisation.count()).toBe(total);
  });
});
