/**
 * Family `disputeRules` (seq 142, 144): the working rules that accompany the dispute guides —
 * 142 劳动人事争议仲裁申请工作细则 (一、事项主体 二、申请人递交申请 三、仲裁机构审查是否受理
 * 四、申请人领取受理结果, each with （一）申请人 （二）仲裁机构 （三）依据) and 144 劳动人事争议调解申请
 * 工作细则 (受理登记制度, 告知引导制度). Not services of their own: each is attached as a `rules`
 * appendix to the guide it accompanies (142 → 141, 144 → 143).
 */
import type { FamilyParser, ItemText } from "../types";
import { itemTitle } from "../assemble";
import { serviceCode } from "../categories";
import { appendixOf } from "./minorService";

/** The guide each working-rules item accompanies. */
export const RULES_TARGET: Record<number, number> = { 142: 141, 144: 143 };

export const parse: FamilyParser = (item: ItemText) => {
  const target = RULES_TARGET[item.entry.seq] ?? item.entry.seq - 1;
  return {
    services: [],
    attachments: [{ targetSeq: target, targetCode: serviceCode(target), appendix: appendixOf("rules", itemTitle(item), item.lines.slice(1)) }],
    unextracted: [],
  };
};
