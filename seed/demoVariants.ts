/**
 * Two example local variants, so a newcomer sees the feature at once: 呼和浩特市 (150100) runs
 * 失业登记申请 with its own office address, phone and hours; 新城区 (150102) runs 就业困难人员认定申请
 * with an extra material and shorter promised limits. Seeded with the demo accounts, as published
 * version 1 on the region's latest version; a variant that exists is left as it is.
 */
import "server-only";
import type { Db } from "@/runtime/db";
import { writeWithPrisma } from "@/runtime/write";
import { serviceDefinition, type ServiceDefinition } from "@/runtime/definition/schema";
import { applyOverlay, checkVariant, overlayOf } from "@/runtime/definition/variant";

export interface DemoVariant {
  ownerOrgId: string;
  code: string;
  edit: (def: ServiceDefinition) => void;
}

export const DEMO_VARIANTS: DemoVariant[] = [
  {
    ownerOrgId: "150100",
    code: "s112",
    edit: (def) => {
      def.guide.officeAddress = "呼和浩特市政务服务中心一楼人力资源和社会保障综合窗口";
      def.guide.notes = [
        ...def.guide.notes,
        { label: "服务时间", text: "工作日 上午 9:00—12:00，下午 13:30—17:30（法定节假日除外）" },
        { label: "咨询电话", text: "0471-12333" },
      ];
    },
  },
  {
    ownerOrgId: "150102",
    code: "s116",
    edit: (def) => {
      def.materials.push({
        id: "xinchengVisit",
        name: "社区就业服务站入户核实记录",
        source: "社区就业服务站出具",
        kind: "原件",
        copies: 1,
        medium: "纸质",
        required: true,
        requirementText: "必要",
        keepPaper: true,
        obtainableBySharing: false,
        scenario: null,
        formId: null,
        note: "新城区要求：由申请人所在社区就业服务站入户核实后出具",
      });
      def.guide.promisedLimit = def.guide.promisedLimit.map((limit) =>
        limit.days !== null && limit.unit === "workday" && limit.days > 2
          ? { ...limit, days: limit.days - 2, text: `${limit.text}（新城区承诺 ${limit.days - 2} 个工作日内完成）` }
          : limit,
      );
      // The steps those stages are done in keep the shorter promise too: their limits and their 审核要点.
      for (const node of def.flow.nodes) {
        if (node.type !== "task" || !node.sla || node.sla.unit !== "workday" || node.sla.days <= 2) continue;
        const days = node.sla.days;
        node.sla = { ...node.sla, days: days - 2 };
        node.checkpoints = node.checkpoints.map((text) => (text.includes(`${days}个工作日`) ? `${text}（新城区承诺 ${days - 2} 个工作日内完成）` : text));
      }
    },
  },
];

export async function seedDemoVariants(db: Db, variants: DemoVariant[] = DEMO_VARIANTS): Promise<number> {
  let created = 0;
  for (const spec of variants) {
    const parent = await db.service.findUnique({ where: { ownerOrgId_code: { ownerOrgId: "150000", code: spec.code } } });
    if (!parent) continue; // the template is not loaded (a test database without templates)
    const exists = await db.service.findUnique({ where: { ownerOrgId_code: { ownerOrgId: spec.ownerOrgId, code: spec.code } } });
    if (exists) continue;
    const base = await db.serviceVersion.findFirst({ where: { serviceId: parent.id, status: "published" }, orderBy: { number: "desc" } });
    if (!base) continue;
    const parentDefinition = serviceDefinition.parse(base.definition);
    const edited = structuredClone(parentDefinition);
    spec.edit(edited);
    const overlay = overlayOf(parentDefinition, edited);
    const effective = applyOverlay(parentDefinition, overlay);
    const violations = checkVariant(parentDefinition, effective);
    if (violations.length) throw new Error(`演示本地版本 ${spec.ownerOrgId}/${spec.code} 不符合上级的规定：${violations.map((v) => v.message).join("；")}`);
    await writeWithPrisma(db, null, async ({ tx, audit }) => {
      const service = await tx.service.create({
        data: { code: parent.code, ownerOrgId: spec.ownerOrgId, parentServiceId: parent.id, title: parent.title, part: parent.part, category: parent.category },
      });
      await tx.serviceVersion.create({
        data: { serviceId: service.id, number: 1, status: "published", definition: effective as never, overlay: overlay as never, baseVersionId: base.id, publishedAt: new Date() },
      });
      audit.record({ action: "seed", organisationId: spec.ownerOrgId, entityType: "Service", entityId: service.id, payload: { code: spec.code, version: 1, variantOf: parent.id } });
    });
    created++;
  }
  return created;
}
