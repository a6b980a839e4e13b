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
