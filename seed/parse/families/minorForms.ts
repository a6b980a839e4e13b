/**
 * Forms of the minor layouts: FormBlocks (title + raw lines) cut from the item — after `附件 N`
 * markers, or several titled templates in a row — turned into contract forms by A's formOf
 * (Engineer C's formFromBlock).
 */
import type { FormBlock, ItemText, SourceLine } from "../types";
import { cleanText } from "../text/markup";
import { isFormMarker, looksLikeFormTitle } from "../formBlocks";

/** A's formOf: the converted form of a block (Engineer C's formFromBlock) with its line range. */
export { formOf } from "../assemble";

/** A FormBlock from a title and the item lines between `first` and `last` (inclusive). */
export function blockOf(item: ItemText, id: string, title: string, first: number, last: number): FormBlock {
  return { id, title, lines: trimBlankLines(item.lines.filter((line) => line.no >= first && line.no <= last)) };
}

/** Lines without the blank (or whitespace-only) lines at either end. */
export function trimBlankLines(lines: SourceLine[]): SourceLine[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start].text.trim() === "") start++;
  while (end > start && lines[end - 1].text.trim() === "") end--;
  return lines.slice(start, end);
}



/** `附件` / `附件 2` / `附表` lines that introduce a reproduced form. */
export function isAttachmentMarker(text: string): boolean {
  return isFormMarker(text) && !/空表/.test(text);
}

/** A form title for display: `20 年 第 期 创业培训开班申请审批表` → `创业培训开班申请审批表`. */
export function formTitle(text: string): string {
  return cleanText(text)
    .replace(/\s+/g, "")
    .replace(/(?:20)?年第期/g, "")
    .replace(/^[：:]|[：:]$/g, "");
}

/**
 * The forms reproduced after `附件 N` markers from line `from` on: each block runs from the
 * first text line after its marker (the title) to the line before the next marker.
 */
export function attachmentBlocks(item: ItemText, from: number, idPrefix: string): { marker: string; block: FormBlock }[] {
  const lines = item.lines.filter((line) => line.no >= from);
  const markers = lines.filter((line) => isAttachmentMarker(line.text));
  return markers.flatMap((marker, i) => {
    const next = markers[i + 1]?.no ?? Infinity;
    const body = lines.filter((line) => line.no > marker.no && line.no < next);
    const title = body.find((line) => line.text.trim() !== "" && !line.text.includes("\t"));
    if (!title) return [];
    return [
      {
        marker: cleanText(marker.text).replace(/\s+/g, " "),
        block: { id: `${idPrefix}-form-${i + 1}`, title: formTitle(title.text), lines: trimBlankLines(body.filter((line) => line.no >= title.no)) },
      },
    ];
  });
}

/**
 * Splits a block holding several forms one after another (137's 附件: 职业培训开班审批表 +
 * 职业培训学员花名册) at each plain line `isTitle` accepts; a block without such a line
 * after its own title is returned as it is.
 */
export function splitByTitles(block: FormBlock, isTitle: (text: string) => boolean): FormBlock[] {
  const starts = block.lines.filter((line, i) => i > 0 && !line.text.includes("\t") && isTitle(cleanText(line.text)));
  if (starts.length === 0) return [block];
  const cuts = [block.lines[0].no, ...starts.map((line) => line.no)];
  return cuts.map((first, i) => {
    const next = cuts[i + 1] ?? Infinity;
    const lines = trimBlankLines(block.lines.filter((line) => line.no >= first && line.no < next));
    return {
      id: i === 0 ? block.id : `${block.id}-${i + 1}`,
      title: i === 0 ? block.title : formTitle(lines[0].text),
      lines,
    };
  });
}

/** A short line naming a form or text template (A's looksLikeFormTitle, plus 存根 / 目录 / 模板) (`确认享受稳岗返还政策回执单`, `个人求职登记表`). */
export function isTemplateTitle(text: string): boolean {
  const compact = text.replace(/\s+/g, "");
  if (/[_\t]/.test(compact)) return false;
  if (looksLikeFormTitle(compact)) return true;
  // form nouns A's looksLikeFormTitle does not list (调函存根, 人事档案目录, 招聘简章模板)
  return compact.length >= 3 && compact.length <= 30 && !/[。；：:，,]/.test(compact) && /(存根|目录|模板)$/.test(compact);
}
