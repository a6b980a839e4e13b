/** Which of a guide's time limits a case runs under, as the calendar's TimeLimit. */
import type { Guide, TimeLimit as GuideLimit } from "@/runtime/definition/schema";
import type { TimeLimit } from "@/runtime/calendar";
import { isOnlineChannel } from "./requirements";

/** The channel a limit's wording names, as cases are filed: online (线上, 网上, 网办 …) or at the counter (anything else). */
export function channelOf(channel: string | null | undefined): "online" | "counter" {
  return isOnlineChannel(channel) ? "online" : "counter";
}

function pick(limits: GuideLimit[], channel: "online" | "counter"): GuideLimit | undefined {
  const usable = limits.filter((l) => l.unit !== null);
  const matching = usable.filter((l) => channelOf(l.channel) === channel);
  return matching.find((l) => !l.channel) ?? matching[0] ?? usable.find((l) => !l.channel) ?? usable[0];
}

export function toCalendarLimit(limit: GuideLimit | undefined): TimeLimit | null {
  if (!limit || limit.unit === null) return null;
  if (limit.unit === "instant") return { days: 0, unit: "workday" };
  if (limit.days === null) return null;
  return { days: limit.days, unit: limit.unit };
}

/** A limit that applies only when the application fails (不符合条件的…通知, 材料不齐全的…告知): not a stage of the process. */
const conditional = /^(对|凡)?(不符合|不予|申请材料不齐全|材料不齐全|不齐全)/;

/**
 * Several limits stated without a channel are the stages of one process (受理 5 个工作日 →
 * 审核 7 个工作日 → 公示 5 个工作日 → 拨付 10 个工作日): the case's own limit is their sum,
 * in the unit of the first stage (a stage in another unit, e.g. a 3-day notice inside a
 * 5-workday stage, is part of that stage). Null when there are not several stages.
 */
export function stagedTotal(limits: GuideLimit[]): TimeLimit | null {
  const stages = limits.filter(
    (l) => !l.channel && (l.unit === "workday" || l.unit === "day") && l.days !== null && !conditional.test(l.text.trim()),
  );
  if (stages.length < 2) return null;
  const unit = stages[0].unit as "workday" | "day";
  return { days: stages.filter((l) => l.unit === unit).reduce((sum, l) => sum + (l.days ?? 0), 0), unit };
}

/** The promised limit (承诺办结时限) for the channel, or null when the guide promises none. */
export function promisedLimitFor(guide: Guide, channel: "online" | "counter" = "online"): TimeLimit | null {
  return stagedTotal(guide.promisedLimit) ?? toCalendarLimit(pick(guide.promisedLimit, channel));
}

/** The legal limit (法定办结时限) for the channel, or null when the guide states none. */
export function legalLimitFor(guide: Guide, channel: "online" | "counter" = "online"): TimeLimit | null {
  return stagedTotal(guide.legalLimit) ?? toCalendarLimit(pick(guide.legalLimit, channel));
}

/** The limit a case runs under: the promised one for the channel, falling back to the legal one. */
export function caseLimitFor(guide: Guide, channel: "online" | "counter" = "online"): TimeLimit | null {
  return promisedLimitFor(guide, channel) ?? legalLimitFor(guide, channel);
}
