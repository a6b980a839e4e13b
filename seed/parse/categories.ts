/**
 * group.part / group.category of a service. Parts come from ENTRIES' `part` column; the
 * category is the ENTRIES group, except where the document has no group heading: the
 * 社会保障卡 items of part 一 and all items of parts 二 and 三, which get a category named
 * for what their items are.
 */
import type { EntryRow } from "./types";

export const PART_TITLES: Record<string, string> = {
  一: "一、社会保险公共服务",
  二: "二、公共就业创业服务",
  三: "三、其他公共服务事项",
};

/** Categories for items without a group heading, by TOC seq range (inclusive). */
const CATEGORY_RANGES: [number, number, string][] = [
  [34, 44, "社会保障卡服务事项"],
  [101, 102, "职业供求信息发布服务事项"],
  [103, 111, "就业创业指导与扶持服务事项"],
  [112, 121, "就业登记与就业援助服务事项"],
  [122, 123, "就业补贴服务事项"],
  [124, 131, "职业技能评价服务事项"],
  [132, 134, "就业技能培训服务事项"],
  [135, 136, "就业创业指导与扶持服务事项"],
  [137, 138, "职业技能培训与技工院校服务事项"],
  [139, 140, "技工院校学生资助服务事项"],
  [141, 144, "劳动人事争议调解仲裁服务事项"],
  [145, 145, "12333 咨询服务事项"],
  [146, 146, "流动人员人事档案管理服务事项"],
  [147, 152, "劳动关系服务事项"],
];

export function serviceGroup(entry: EntryRow): { part: string; category: string } {
  const part = PART_TITLES[entry.part] ?? entry.part;
  const range = CATEGORY_RANGES.find(([first, last]) => entry.seq >= first && entry.seq <= last);
  const hasHeading = entry.group.trim() !== "" && !/无分组标题/.test(entry.group);
  return { part, category: hasHeading ? entry.group.trim() : (range?.[2] ?? "其他服务事项") };
}

/** `s001`; `s146-01` for the first sub-service of an entry. */
export function serviceCode(seq: number, sub?: number): string {
  const base = `s${String(seq).padStart(3, "0")}`;
  return sub === undefined ? base : `${base}-${String(sub).padStart(2, "0")}`;
}
