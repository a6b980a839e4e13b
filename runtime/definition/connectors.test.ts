import { describe, expect, it } from "vitest";
import { readTemplates } from "@/seed/loadTemplates";
import { connectorById, defaultBindings, defaultCheckBinding, defaultSharingConnector, unboundItems } from "./connectors";

describe("connector bindings", () => {
  it("binds the document's checks and needs to the named systems", () => {
    expect(defaultCheckBinding("是否存在账户欠费")).toEqual({ connector: "taxContributions", fact: "noArrears" });
    expect(defaultCheckBinding("是否有社保卡账户")).toEqual({ connector: "ssCard", fact: "hasCard" });
    expect(defaultCheckBinding("是否重复领取养老保险待遇")).toEqual({ connector: "pensionPayments", fact: "noDuplicatePension" });
    expect(defaultCheckBinding("校验在市场监督管理局系统里存在市场主体的法人身份注册登记信息是否与申请单位基本信息一致").connector).toBe("marketRegistry");
    expect(defaultSharingConnector("社保卡查询", "社保卡系统")).toBe("ssCard");
    expect(defaultSharingConnector("养老待遇重复发放校验", "其他养老待遇发放系统")).toBe("pensionPayments");
    expect(defaultSharingConnector("获取营业执照", "市场监督管理部门")).toBe("marketRegistry");
  });

  it("every fact a binding asks is one its connector answers", () => {
    for (const template of readTemplates()) {
      for (const b of template.connectors?.preChecks ?? []) {
        expect(connectorById.get(b.connector)?.facts.map((f) => f.key), `${template.code} ${b.check}`).toContain(b.fact);
      }
    }
  });

  it("leaves nothing the seeded templates state unbound", () => {
    const templates = readTemplates();
    const stating = templates.filter((t) => t.guide.preChecks.length + t.guide.dataSharing.length > 0);
    expect(stating.length).toBeGreaterThan(40);
    for (const t of stating) {
      expect(unboundItems(t), t.code).toEqual({ preChecks: [], dataSharing: [], materials: [] });
      expect(t.connectors).toEqual(defaultBindings(t));
    }
  });
});

describe("publishing lint of bindings", () => {
  it("names a binding to an unknown connector, a fact it does not answer, or a step not in the flow; the seeded templates have none", async () => {
    const { lintDefinition } = await import("./lint");
    const template = readTemplates().find((t) => t.code === "s055")!;
    expect(lintDefinition(template).filter((p) => p.code === "CONNECTOR_BINDING")).toEqual([]);
    const broken = structuredClone(template);
    broken.connectors!.preChecks[0] = { ...broken.connectors!.preChecks[0], connector: "nowhere" };
    broken.connectors!.preChecks[1] = { ...broken.connectors!.preChecks[1], fact: "noArrears" };
    broken.connectors!.dataSharing[0] = { ...broken.connectors!.dataSharing[0], step: "apply" };
    expect(lintDefinition(broken).filter((p) => p.code === "CONNECTOR_BINDING").map((p) => p.message)).toEqual([
      "校验与共享：前置校验“校验是否是童工（16周岁前参加工作）”绑定的接口“nowhere”不存在",
      "校验与共享：前置校验“是否有生存信息”绑定的户籍（公安部门）不提供校验项“noArrears”",
      "校验与共享：共享需求“劳动能力鉴定书”的执行环节“apply”不是流程中的经办环节",
    ]);
  });
});
