import { describe, expect, it } from "vitest";
import example from "@/runtime/definition/example.json";
import { serviceDefinition, type ServiceDefinition, type TaskNode } from "@/runtime/definition/schema";
import { checkVariant, violationsMessage } from "./rules";
import { defaultLocks, isLocked, withLock } from "./locks";

function template(): ServiceDefinition {
  const def = serviceDefinition.parse(structuredClone(example));
  return { ...def, locks: defaultLocks(def) };
}
const rules = (parent: ServiceDefinition, edited: ServiceDefinition) => checkVariant(parent, edited).map((v) => `${v.rule} ${v.key}`);

describe("default locks of a seeded template", () => {
  it("lock the fee, the legal limit, each legal-basis entry and the required materials", () => {
    const locks = template().locks;
    expect(locks).toContain("guide.fee");
    expect(locks).toContain("guide.legalLimit");
    expect(locks.filter((k) => k.startsWith("legalBasis/"))).toHaveLength(template().guide.legalBasis.length);
    expect(locks).toEqual(expect.arrayContaining(["material/m1", "material/m2"]));
    expect(locks).not.toContain("guide.officeAddress");
  });

  it("a lock on a form covers its fields; the administrator can lift a lock", () => {
    const def = withLock(template(), "form/registration", true);
    expect(isLocked(def, "form/registration/field/name")).toBe(true);
    expect(isLocked(withLock(def, "material/m1", false), "material/m1")).toBe(false);
  });
});

describe("the region's rules for a variant", () => {
  it("local address, phone, an extra material and a shorter limit are allowed", () => {
    const p = template();
    const v = structuredClone(p);
    v.guide.officeAddress = "新城区政务服务中心";
    v.guide.notes = [{ label: "咨询方式", text: "0471-6901234" }];
    v.guide.promisedLimit[0].days = 1;
    v.materials.push({ ...v.materials[0], id: "mLocal", name: "居住证明" });
    expect(checkVariant(p, v)).toEqual([]);
  });

  it("a locked item changed or removed, a lock lifted, a field added to a locked form", () => {
    const p = withLock(template(), "form/registration", true);
    const v = structuredClone(p);
    v.guide.fee = { text: "每件 10 元", free: false };
    v.materials = v.materials.filter((m) => m.id !== "m1");
    (v.forms[0].schema.properties as Record<string, unknown>).extra = { type: "string" };
    v.locks = v.locks.filter((k) => k !== "guide.fee");
    expect(rules(p, v)).toEqual(expect.arrayContaining([
      "locked guide.fee",
      "locked material/m1",
      "locked form/registration/field/extra",
      "lockRemoved guide.fee",
    ]));
    const message = checkVariant(p, v).find((x) => x.key === "material/m1")!.message;
    expect(message).toBe("「上级锁定的内容不能修改或删除」材料：居民身份证：已由上级锁定，本地版本不能删除");
  });

  it("a promised limit longer than the parent's or past the legal limit, per channel", () => {
    const p = template();
    const v = structuredClone(p);
    v.guide.promisedLimit[0] = { text: "线上 5 个工作日", days: 5, unit: "workday", channel: "线上" };
    v.guide.promisedLimit[1] = { text: "线下 1 个工作日", days: 1, unit: "workday", channel: "线下" };
    expect(rules(p, v)).toEqual(["limitLonger guide.promisedLimit", "limitLonger guide.promisedLimit"]);

    const p2 = structuredClone(p);
    p2.guide.promisedLimit = [];
    const v2 = structuredClone(p2);
    v2.guide.promisedLimit = [{ text: "20个工作日", days: 20, unit: "workday" }];
    expect(checkVariant(p2, v2)).toEqual([expect.objectContaining({ rule: "limitPastLegal", message: expect.stringContaining("超过了法定办结时限 15个工作日") })]);
  });

  it("a promised limit of the parent may not be deleted, nor lengthened by renaming its channel (线上 and 网上 are one channel)", () => {
    const p = template(); // 线上 3 个工作日, 线下 即时办结
    const removed = structuredClone(p);
    removed.guide.promisedLimit = [];
    expect(rules(p, removed)).toEqual(["limitRemoved guide.promisedLimit", "limitRemoved guide.promisedLimit"]);
    expect(checkVariant(p, removed)[0].message).toBe("「上级的承诺时限不能删除」办事指南：承诺办结时限：上级承诺 3个工作日（线上），本地版本不能删除");
    const onlineGone = structuredClone(p);
    onlineGone.guide.promisedLimit = onlineGone.guide.promisedLimit.filter((l) => l.channel !== "线上");
    onlineGone.guide.promisedLimit.push({ text: "窗口 即时办结", days: 0, unit: "instant", channel: "窗口" });
    expect(rules(p, onlineGone)).toEqual(["limitRemoved guide.promisedLimit"]);
    const counterRenamed = structuredClone(p);
    counterRenamed.guide.promisedLimit = counterRenamed.guide.promisedLimit.map((l) => (l.channel === "线下" ? { ...l, channel: "窗口" } : l));
    expect(rules(p, counterRenamed)).toEqual([]);

    const renamed = structuredClone(p);
    renamed.guide.promisedLimit[0] = { text: "网上 20 个工作日", days: 20, unit: "workday", channel: "网上" };
    expect(rules(p, renamed)).toEqual(["limitLonger guide.promisedLimit", "limitPastLegal guide.promisedLimit"]);
    const shorter = structuredClone(p);
    shorter.guide.promisedLimit[0] = { text: "网上 2 个工作日", days: 2, unit: "workday", channel: "网上" };
    expect(rules(p, shorter)).toEqual([]);
  });

  it("the region's steps stay: an office may add a step, not delete one", () => {
    const p = template();
    const added = structuredClone(p);
    added.flow.nodes.push({ ...(structuredClone(added.flow.nodes.find((n) => n.id === "review")) as TaskNode), id: "step_150121_1", label: "公示" });
    expect(rules(p, added)).toEqual([]);
    const removed = structuredClone(p);
    removed.flow.nodes = removed.flow.nodes.filter((n) => n.id !== "review");
    removed.flow.edges = removed.flow.edges.filter((e) => e.from !== "review" && e.to !== "review");
    expect(rules(p, removed)).toEqual(["stepRemoved node/review"]);
  });

  it("limits without channels are stages: each is bounded by the parent's at the same position", () => {
    const p = template();
    p.guide.promisedLimit = [{ text: "社区 5 个工作日", days: 5, unit: "workday" }, { text: "旗县 7 个工作日", days: 7, unit: "workday" }];
    const v = structuredClone(p);
    v.guide.promisedLimit = [{ text: "社区 3 个工作日", days: 3, unit: "workday" }, { text: "旗县 6 个工作日", days: 6, unit: "workday" }];
    expect(checkVariant(p, v)).toEqual([]);
    v.guide.promisedLimit[1].days = 8;
    expect(rules(p, v)).toEqual(["limitLonger guide.promisedLimit"]);
  });

  it("working days against the parent's natural days count as longer; natural days against working days do not", () => {
    const p = template();
    p.guide.promisedLimit = [{ text: "10日", days: 10, unit: "day" }];
    const v = structuredClone(p);
    v.guide.promisedLimit = [{ text: "8个工作日", days: 8, unit: "workday" }];
    expect(rules(p, v)).toEqual(["limitLonger guide.promisedLimit"]);
    const q = template();
    q.guide.promisedLimit = [{ text: "10个工作日", days: 10, unit: "workday" }];
    const w = structuredClone(q);
    w.guide.promisedLimit = [{ text: "10日", days: 10, unit: "day" }];
    expect(checkVariant(q, w)).toEqual([]);
  });

  it("a required material made optional or removed (even unlocked), a required field made optional", () => {
    const p = { ...template(), locks: [] };
    const v = structuredClone(p);
    v.materials[0].required = false;
    v.materials = v.materials.filter((m) => m.id !== "m2");
    v.forms[0].schema.required = (v.forms[0].schema.required as string[]).filter((r) => r !== "idNumber");
    expect(rules(p, v).sort()).toEqual(["requiredFieldOptional form/registration/field/idNumber", "requiredOptional material/m1", "requiredRemoved material/m2"]);
  });

  it("a step's time limit only shorter, never removed", () => {
    const p = template();
    const v = structuredClone(p);
    const review = v.flow.nodes.find((n) => n.id === "review") as TaskNode;
    review.sla = { days: 5, unit: "workday" };
    const intake = v.flow.nodes.find((n) => n.id === "intake") as TaskNode;
    intake.sla = null;
    expect(rules(p, v).sort()).toEqual(["slaLonger node/intake", "slaLonger node/review"]);
  });

  it("the violations read as one message naming each rule and item", () => {
    const p = template();
    const v = structuredClone(p);
    v.guide.fee = { text: "收费", free: false };
    expect(violationsMessage(checkVariant(p, v))).toBe("本地版本不符合上级的规定：「上级锁定的内容不能修改或删除」办事指南：收费：已由上级锁定，本地版本不能修改");
  });
});
