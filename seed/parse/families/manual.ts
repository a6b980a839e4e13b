/**
 * Family `manual` (seq 102): the screenshot manual of 101 (职业供求信息、市场工资指导价位信息、
 * 培训信息发布操作手册) — `第一步：…` … `第四步：…` followed by OCR of web screenshots. Not a
 * service of its own: it is attached to 101 as a `manual` appendix; the OCR is left unextracted.
 */
import type { FamilyParser, ItemText } from "../types";
import { itemTitle } from "../assemble";
import { serviceCode } from "../categories";
import { cleanText } from "../text/markup";
import { paragraphsOf } from "../text/sectionText";
import { appendixOf, unextracted } from "./minorService";

/** The seq of the guide this manual belongs to (ENTRIES: “screenshot manual belonging to entry 101”). */
export const MANUAL_TARGET_SEQ = 101;

const STEP_RE = /^第[一二三四五六七八九十]+步[：:]/;

export const parse: FamilyParser = (item: ItemText) => {
  const body = item.lines.slice(1);
  const paragraphs = paragraphsOf(body);
  const stepParagraphs = paragraphs.filter((paragraph) => STEP_RE.test(paragraph.text));
  const lastStep = stepParagraphs[stepParagraphs.length - 1];
  const stepLines = body.filter((line) => !lastStep || line.no <= lastStep.last);
  const appendix = appendixOf("manual", itemTitle(item), stepLines);
  appendix.text = stepParagraphs.map((paragraph) => cleanText(paragraph.text)).join("\n");
  const ocr = lastStep ? body.filter((line) => line.no > lastStep.last && line.text.trim() !== "") : [];
  return {
    services: [],
    attachments: [{ targetSeq: MANUAL_TARGET_SEQ, targetCode: serviceCode(MANUAL_TARGET_SEQ), appendix }],
    unextracted: ocr.length > 0 ? [unextracted("操作手册网页截图的文字识别（OCR）", ocr[0].no, ocr[ocr.length - 1].no)] : [],
  };
};
