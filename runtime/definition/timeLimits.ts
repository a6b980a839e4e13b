/** Comparing time limits as the guide states them (承诺办结时限 against 法定办结时限). */
import type { TimeLimit } from "@/runtime/definition/schema";
import { limitUnitLabels } from "./labels";

/** A limit's length in words: 「3个工作日」, 「10个自然日」, 「即时办结」; the wording itself when no length was read from it. */
export function limitWords(limit: TimeLimit): string {
  if (limit.unit === "instant") return limitUnitLabels.instant;
  if (limit.days === null) return limit.text;
  return `${limit.days}个${limit.unit === "day" ? "自然日" : "工作日"}`;
}

/** Fewest calendar days a limit can span (n workdays take at least n days). */
function shortestDays(limit: TimeLimit): number | null {
  if (limit.unit === "instant") return 0;
  return limit.days;
}

/** Most calendar days a limit can span: five workdays a week, plus a week-long holiday. */
function longestDays(limit: TimeLimit): number | null {
  if (limit.unit === "instant") return 0;
  if (limit.days === null) return null;
  return limit.unit === "workday" ? Math.ceil((limit.days * 7) / 5) + 7 : limit.days;
}

/** Whether `promised` is certainly longer than `legal`. */
export function exceeds(promised: TimeLimit, legal: TimeLimit): boolean {
  if (promised.unit === legal.unit || promised.unit === "instant" || legal.unit === "instant") {
    const p = shortestDays(promised);
    const l = shortestDays(legal);
    return p !== null && l !== null && p > l;
  }
  const p = shortestDays(promised);
  const l = longestDays(legal);
  return p !== null && l !== null && p > l;
}

/**
 * The legal limits a promised limit answers to: the same channel's, else those without a
 * channel; a promise for every channel (none named) answers to every channel's legal limit
 * when the legal limits are all per channel.
 */
export function legalLimitsFor(promised: TimeLimit, legal: readonly TimeLimit[]): TimeLimit[] {
  const sameChannel = legal.filter((l) => l.channel && l.channel === promised.channel);
  if (sameChannel.length > 0) return sameChannel;
  const general = legal.filter((l) => !l.channel);
  return general.length > 0 || promised.channel ? general : [...legal];
}
