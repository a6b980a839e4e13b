import { expect, it } from "vitest";
import { describeOnDatabases } from "../support/testDb";
import { templatesTestDbFor } from "../support/fixtures";
import { seededTemplates } from "../support/seededTemplates";
import { seedDemoVariants } from "@/seed/demoVariants";
import { serviceDefinition } from "@/runtime/definition/schema";
import { applyOverlay, checkVariant, variantOverlay } from "@/runtime/definition/variant";

const templates = seededTemplates().filter((t) => t.code === "s112" || t.code === "s116");

describeOnDatabases("demo variants", (kind) => {
  const t = templatesTestDbFor(kind, templates);

  it("呼和浩特市 and 新城区 each get a published variant holding only their differences, once", async () => {
    expect(await seedDemoVariants(t.db)).toBe(2);
    expect(await seedDemoVariants(t.db)).toBe(0);
    const variants = await t.db.service.findMany({
      where: { parentServiceId: { not: null } },
      include: { versions: true, parentService: { include: { versions: true } } },
      orderBy: { ownerOrgId: "asc" },
    });
    expect(variants.map((v) => `${v.ownerOrgId} ${v.code}`)).toEqual(["150100 s112", "150102 s116"]);
    for (const variant of variants) {
      expect(variant.versions).toHaveLength(1);
      const version = variant.versions[0];
      expect(version).toMatchObject({ number: 1, status: "published", baseVersionId: variant.parentService!.versions[0].id });
      const parent = serviceDefinition.parse(variant.parentService!.versions[0].definition);
      const overlay = variantOverlay.parse(version.overlay);
      const effective = serviceDefinition.parse(version.definition);
      expect(applyOverlay(parent, overlay)).toEqual(effective);
      expect(checkVariant(parent, effective)).toEqual([]);
    }
    const hohhot = variantOverlay.parse(variants[0].versions[0].overlay);
    expect(Object.keys(hohhot.set).sort()).toEqual(["guide.officeAddress", "note/咨询电话", "note/服务时间"]);
    const xincheng = variantOverlay.parse(variants[1].versions[0].overlay);
    expect(Object.keys(xincheng.set).sort()).toEqual(["guide.promisedLimit", "material/xinchengVisit", "node/accept", "node/handle"]);
    const local = serviceDefinition.parse(variants[1].versions[0].definition);
    expect(local.guide.promisedLimit.map((l) => l.days)).toEqual([3, 5]);
    // The steps keep the shorter promise too (QA found them still on the region's 5 and 7).
    const steps = local.flow.nodes.flatMap((n) => (n.type === "task" && n.sla ? [`${n.id} ${n.sla.days}`] : []));
    expect(steps).toEqual(["accept 3", "handle 5"]);
    const accept = local.flow.nodes.find((n) => n.id === "accept");
    expect(accept?.type === "task" ? accept.checkpoints[0] : "").toContain("新城区承诺 3 个工作日内完成");
    expect(await t.db.auditEvent.count({ where: { entityId: { in: variants.map((v) => v.id) } } })).toBe(2);
  });
});
