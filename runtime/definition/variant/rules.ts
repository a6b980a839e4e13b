/**
 * The region's rules a local variant must keep: locked items unchanged, promised limits kept and
 * only shorter (per channel, as cases are filed: 线上 and 网上 are one channel), the region's steps
 * kept with their limits only shorter, required materials and fields kept required. Run in the
 * designer (browser) and again on the server when a variant is saved or published. Pure.
 */
import type { ServiceDefinition, TimeLimit } from "../schema";
import { variantRuleLabels } from "../labels";
import { exceeds, legalLimitsFor, limitWords } from "../timeLimits";
import { channelOf } from "../caseLimit";
import { definitionItems, kindOfKey, sameValue, type FieldValue } from "./items";
import { lockCovers } from "./locks";

export type VariantRule = keyof typeof variantRuleLabels;

export interface VariantViolation {
  rule: VariantRule;
  key: string;
  label: string;
  /** The rule and the item, in words. */
  message: string;
}


/**
 * The entry of `limits` that answers to `limit` (the `index`-th of its list): the same channel, by
 * its words or else by the channel cases are filed through (线上 = 网上); for limits without
 * channels (stages of one case), the one at the same position; else one without a channel, else
 * the only one.
 */
function limitFor(limits: TimeLimit[], limit: TimeLimit, index: number): TimeLimit | undefined {
  if (limit.channel) {
    const same = limits.find((l) => l.channel === limit.channel) ?? limits.find((l) => l.channel && channelOf(l.channel) === channelOf(limit.channel));
    if (same) return same;
  } else if (limits[index] && !limits[index].channel) {
    return limits[index];
  }
  return limits.find((l) => !l.channel) ?? (limits.length === 1 ? limits[0] : undefined);
}

/** Whether `limit` is longer than `bound`; null when they cannot be compared (no days given). */
function longerThan(limit: TimeLimit, bound: TimeLimit): boolean | null {
  if (bound.unit === "instant") return limit.unit !== "instant";
  if (limit.unit === "instant") return false;
  if (limit.days === null || bound.days === null || !limit.unit || !bound.unit) return null;
  // n natural days never last longer than n working days; n working days may outlast n natural days.
  if (limit.unit === "workday" && bound.unit === "day") return true;
  return limit.days > bound.days;
}

const channelWords = (l: TimeLimit) => (l.channel ? `（${l.channel}）` : "");

export function checkVariant(parent: ServiceDefinition, effective: ServiceDefinition): VariantViolation[] {
  const out: VariantViolation[] = [];
  const violation = (rule: VariantRule, key: string, label: string, detail: string) =>
    out.push({ rule, key, label, message: `「${variantRuleLabels[rule]}」${label}：${detail}` });
  const before = definitionItems(parent);
  const after = definitionItems(effective);
  const locks = parent.locks ?? [];

  // Locks: nothing covered by one of the parent's locks may differ, appear or go.
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const lock = locks.find((l) => lockCovers(l, key));
    if (!lock) continue;
    const a = before.get(key);
    const b = after.get(key);
    if (a && b && sameValue(a.value, b.value)) continue;
    const label = (b ?? a)!.label;
    violation("locked", key, label, !b ? "已由上级锁定，本地版本不能删除" : !a ? "所在表单已由上级锁定，本地版本不能新增字段" : "已由上级锁定，本地版本不能修改");
  }
  const effectiveLocks = new Set(effective.locks ?? []);
  for (const lock of locks) {
    if (!effectiveLocks.has(lock)) violation("lockRemoved", lock, before.get(lock)?.label ?? lock, "上级设定的锁定不能在本地解除");
  }

  // Promised limits: each of the parent's kept (for its channel), none longer than the parent's, nor than the legal limit.
  const parentPromised = parent.guide.promisedLimit;
  const localPromised = effective.guide.promisedLimit;
  const legal = effective.guide.legalLimit;
  const label = "办事指南：承诺办结时限";
  const tooLong = new Set<TimeLimit>();
  parentPromised.forEach((bound, index) => {
    const mine = limitFor(localPromised, bound, index);
    // Stages split by channel locally are each bounded below; a channel of its own must keep a limit.
    if (!mine && (bound.channel || localPromised.length === 0)) {
      violation("limitRemoved", "guide.promisedLimit", label, `上级承诺 ${limitWords(bound)}${channelWords(bound)}，本地版本不能删除`);
    } else if (mine && longerThan(mine, bound) === true) {
      tooLong.add(mine);
      violation("limitLonger", "guide.promisedLimit", label, `${limitWords(mine)}${channelWords(mine)}长于上级的承诺时限 ${limitWords(bound)}${channelWords(bound)}`);
    }
  });
  localPromised.forEach((limit, index) => {
    const bound = limitFor(parentPromised, limit, index);
    if (bound && !tooLong.has(limit) && longerThan(limit, bound) === true) {
      violation("limitLonger", "guide.promisedLimit", label, `${limitWords(limit)}${channelWords(limit)}长于上级的承诺时限 ${limitWords(bound)}${channelWords(bound)}`);
    }
    // Against the legal limit, as the publishing lint compares them (runtime/definition/timeLimits.ts).
    const pastLegal = legalLimitsFor(limit, legal).find((legalLimit) => exceeds(limit, legalLimit));
    if (pastLegal) {
      violation("limitPastLegal", "guide.promisedLimit", label, `${limitWords(limit)}${channelWords(limit)}超过了法定办结时限 ${limitWords(pastLegal)}`);
    }
  });

  // Required materials stay required and present.
  for (const m of parent.materials) {
    if (!m.required) continue;
    const local = effective.materials.find((x) => x.id === m.id);
    if (!local) violation("requiredRemoved", `material/${m.id}`, `材料：${m.name}`, "这是上级规定的必要材料，本地版本不能删除");
    else if (!local.required) violation("requiredOptional", `material/${m.id}`, `材料：${m.name}`, "这是上级规定的必要材料，本地版本不能改为非必要");
  }

  // Required form fields stay required and present.
  for (const [key, item] of before) {
    if (kindOfKey(key) !== "field" || !(item.value as FieldValue).required) continue;
    const formKey = key.slice(0, key.indexOf("/field/"));
    if (!after.has(formKey)) continue; // the whole form removed: reported by the form's own rules (locks) if any
    const local = after.get(key);
    if (!local || !(local.value as FieldValue).required) {
      violation("requiredFieldOptional", key, item.label, local ? "上级规定为必填，本地版本不能改为选填" : "上级规定为必填，本地版本不能删除");
    }
  }

  // The region's steps stay (an office may add its own); a step's time limit (SLA) only shorter.
  for (const node of parent.flow.nodes) {
    if (node.type !== "task") continue;
    const local = effective.flow.nodes.find((n) => n.id === node.id);
    if (!local || local.type !== "task") {
      violation("stepRemoved", `node/${node.id}`, `流程环节：${node.label}`, "上级规定的办理环节，本地版本不能删除（可以增加本地环节）");
      continue;
    }
    if (!node.sla) continue;
    const bound: TimeLimit = { text: "", days: node.sla.days, unit: node.sla.unit };
    const mine: TimeLimit | null = local.sla ? { text: "", days: local.sla.days, unit: local.sla.unit } : null;
    if (!mine) violation("slaLonger", `node/${node.id}`, `流程环节：${local.label}`, `上级规定 ${limitWords(bound)} 内完成，本地版本不能取消时限`);
    else if (longerThan(mine, bound) === true) violation("slaLonger", `node/${node.id}`, `流程环节：${local.label}`, `${limitWords(mine)}长于上级规定的 ${limitWords(bound)}`);
  }
  return out;
}

/** The violations as one Chinese message (for an error answer). */
export function violationsMessage(violations: VariantViolation[]): string {
  const shown = violations.slice(0, 10).map((v) => v.message);
  const more = violations.length > shown.length ? `；另有 ${violations.length - shown.length} 处` : "";
  return `本地版本不符合上级的规定：${shown.join("；")}${more}`;
}
