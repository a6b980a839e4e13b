/**
 * Family `notice` (seq 110): 创业担保贷款告知书 — a signed notice (`您好！…`, items 1–5, `抄写：…`,
 * `本人签字：_____`) the applicant of 个人创业担保贷款 (109) reads and signs. Not a service of its
 * own: it is attached to 109 as a `notice` appendix.
 */
import type { FamilyParser, ItemText } from "../types";
import { itemTitle } from "../assemble";
import { serviceCode } from "../categories";
import { appendixOf } from "./minorService";

/** The seq of the service the notice belongs to (ENTRIES: “signed notice belonging to entry 109”). */
export const NOTICE_TARGET_SEQ = 109;

export const parse: FamilyParser = (item: ItemText) => ({
  services: [],
  attachments: [
    {
      targetSeq: NOTICE_TARGET_SEQ,
      targetCode: serviceCode(NOTICE_TARGET_SEQ),
      appendix: appendixOf("notice", itemTitle(item), item.lines.slice(1)),
    },
  ],
  unextracted: [],
});
