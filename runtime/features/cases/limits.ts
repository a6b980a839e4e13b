/** Which of a guide's time limits a case runs under, as the calendar's TimeLimit. */
import type { Guide, TimeLimit as GuideLimit } from "../../definition/schema";
import type { TimeLimit } from "../../calendar";

const online = /线上|网上|网办|网厅|在线/;

function pick(limits: GuideLimit[], channel: "online" | "counter"): GuideLimit | undefined {
  const usable = limits.filter((l) => l.unit !== null);
  const matching = usable.filter((l) => (channel === "online" ? online.test(l.channel ?? "") : !online.test(l.channel ?? "")));
  return matching.find((l) => !l.channel) ?? matching[0] ?? usable.find((l) => !l.channel) ?? usable[0];
}

export function toCalendarLimit(limit: GuideLimit | undefined): TimeLimit | null {
  if (!limit || limit.unit === null) return null;
  if (limit.unit === "instant") return { days: 0, unit: "workday" };
  if (limit.days === null) return null;
  return { days: limit.days, unit: limit.unit };
}

/** The promised limit (承诺办结时限) for the channel, falling back to the legal one. */
export function caseLimitFor(guide: Guide, channel: "online" | "counter" = "online"): TimeLimit | null {
  return toCalendarLimit(pick(guide.promisedLimit, channel)) ?? toCalendarLimit(pick(guide.legalLimit, channel));
}
