/**
 * What a time limit's wording (原文表述) states, to compare with its days and unit: after an
 * edit of one and not the other, the guide would show the applicant one limit and the cases
 * run under another. Pure (the designer's lint runs it in the browser).
 */
import type { TimeLimit } from "./schema";

export interface StatedLimit {
  days: number;
  unit: "workday" | "day" | "instant";
  /** As written: `15个工作日`, `即时办结`. */
  match: string;
}

const DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** `15`, `十五`, `二十`, `九十` → the number; null for anything else. */
export function numberOf(token: string): number | null {
  if (/^\d+$/.test(token)) return Number(token);
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(token);
  if (!m || token === "") return null;
  if (!m[2]) return m[1] && !m[3] ? DIGITS[m[1]] : null;
  return (m[1] ? DIGITS[m[1]] : 1) * 10 + (m[3] ? DIGITS[m[3]] : 0);
}

/** `15个工作日`, `90 自然日`, `60 日`, `3天`; not dates such as `每月 15 日之前`. */
const DURATION = /(\d+|[一二两三四五六七八九十]{1,3})\s*个?\s*(工作日|自然日|日|天)(?!之前|之后|前|后|起)/g;
const INSTANT = /即时办结|即时办理|即办件|即办|当场办结|当场办理|即时/g;

/** Every limit the wording states, in order. */
export function statedLimits(text: string): StatedLimit[] {
  const plain = text.replace(/<[^>]*>|\*\*/g, "");
  const found: (StatedLimit & { index: number })[] = [];
  for (const match of plain.matchAll(DURATION)) {
    const days = numberOf(match[1]);
    if (days !== null) found.push({ days, unit: match[2] === "工作日" ? "workday" : "day", match: match[0], index: match.index! });
  }
  for (const match of plain.matchAll(INSTANT)) found.push({ days: 0, unit: "instant", match: match[0], index: match.index! });
  return found.sort((a, b) => a.index - b.index).map(({ index: _index, ...limit }) => limit);
}

/**
 * The wording's limits when none of them is the limit's days and unit (the two disagree), else
 * null. Wording that states no limit (`按规定时限`, `无`) agrees with anything.
 */
export function limitTextDisagreement(limit: Pick<TimeLimit, "text" | "days" | "unit">): StatedLimit[] | null {
  const stated = statedLimits(limit.text ?? "");
  if (stated.length === 0) return null;
  const agrees = stated.some((s) => (limit.unit === "instant" ? s.unit === "instant" : s.unit === limit.unit && s.days === limit.days));
  return agrees ? null : stated;
}
