/**
 * Short guide fields written as one line of text: 行使层级, 服务对象, 办件类型, 办理形式（渠道）,
 * 网办地址 / 办事地址.
 */
import type { Guide, Level } from "@/runtime/definition/schema";
import { isNone } from "./limits";
import { stripMarkup } from "./text/markup";
import { splitTopLevel, trimPunctuation } from "./text/sentences";

const LEVELS: [RegExp, Level][] = [
  [/自治区|省级/, "region"],
  [/盟市|盟级|地市|市级/, "league"],
  [/旗县|县级|旗级/, "banner"],
];

/** `自治区级、盟市级、旗县级。` → [region, league, banner]. */
export function parseLevels(text: string): Level[] {
  return LEVELS.filter(([pattern]) => pattern.test(text)).map(([, level]) => level);
}

/** `企业，培训机构（含职业院校、技工院校）。` → [企业, 培训机构（含职业院校、技工院校）]. */
export function parseAudience(text: string): string[] {
  return splitTopLevel(stripMarkup(text), "、，,；;\n")
    .map(trimPunctuation)
    .filter((part) => part !== "" && !isNone(part));
}

/** 即办件 → instant, 承诺件 → promised. */
export function parseCaseType(text: string): Guide["caseType"] {
  if (/即办/.test(text)) return "instant";
  if (/承诺/.test(text)) return "promised";
  return null;
}

/**
 * Channels: one per sentence (`线上：…。线下：…。`); a sentence that is a list of short
 * names (`窗口办理、网络办理`) gives one per name.
 */
export function parseChannels(text: string): string[] {
  return splitTopLevel(stripMarkup(text), "。；;\n").flatMap((sentence) => {
    const unnumbered = sentence.replace(/^\s*\d+\s*[.．、]\s*/, "");
    const parts = splitTopLevel(unnumbered, "、");
    return parts.every((part) => [...part].length <= 10) ? parts.map(trimPunctuation) : [trimPunctuation(unnumbered)];
  }).filter((channel) => channel !== "");
}

/** An address as written (wrapped URL joined), or null for `无` / `否`. */
export function parseAddress(text: string): string | null {
  const plain = trimPunctuation(stripMarkup(text).replace(/(https?:\/\/\S*)\s+(?=[A-Za-z0-9/#._-])/g, "$1"));
  return plain === "" || isNone(plain) || /^否$/.test(plain) ? null : plain;
}
