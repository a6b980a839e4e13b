/**
 * Option lists inside a cell or line: checkboxes before (`☐ 是 ☐ 否`) or after (`养老金 ☐ 病残津贴 ☐`,
 * `有☐ 无☐`) the option text, and circles (`○农业○非农`). Several groups may share one cell
 * (`入党申请书 有☐ 无☐ 入党申请提交时间：…`). Pure.
 */
import type { ChoiceField, Field, ScalarField } from "./fields";
import { BLANK, BOX, CIRCLE, collapseLetterSpacing, normaliseLabel } from "./text";

/** One group of options with the label written right before it (may be empty). */
export interface OptionGroup {
  kind: "options";
  label: string;
  options: string[];
  /** Inputs attached to single options (`☐ 医疗费 发票_____张` → 医疗费发票张数). */
  extras: Field[];
}

/** Text between/around option groups (may hold `label：` fields or blanks). */
export interface OptionText {
  kind: "text";
  text: string;
  /** Details of one option: only filled when that option is ticked, so never required. */
  detail?: boolean;
}

export type OptionPart = OptionGroup | OptionText;

/** Whether the text carries options. */
export function hasOptions(text: string): boolean {
  return text.includes(BOX) || text.includes(CIRCLE);
}

/** Splits a cell/line into option groups and the text around them, in order. */
export function parseOptionParts(text: string): OptionPart[] {
  const t = text.replace(/\n/g, " ");
  if (t.includes(CIRCLE) && !t.includes(BOX)) return markerBefore(t, CIRCLE);
  const trimmed = t.trim();
  const boxAfter = !trimmed.startsWith(BOX) && /[^\s☐]☐|[^\s☐]\s☐(?:\s|$)/.test(trimmed) && boxAfterStyle(trimmed);
  return boxAfter ? markerAfter(t) : markerBefore(t, BOX);
}

/** `养老金 ☐ 病残津贴 ☐`, `有☐ 无☐`: the box follows its option. */
function boxAfterStyle(text: string): boolean {
  if (text.endsWith(BOX)) return true;
  const firstBox = text.indexOf(BOX);
  return firstBox > 0 && text[firstBox - 1] !== " ";
}

/**
 * The PDF lost a box inside some option lists: `☐ 自取 (短信送达 (填写工伤职工手机号码: ___))` is
 * two options, `自取` and `短信送达` (with its phone number), as the same table elsewhere shows
 * (`☐ 自取 ☐ 短信送达 (填写…: ___)`). Restores the box.
 */
export function restoreLostBoxes(text: string): string {
  return text.replace(
    /([^\s☐○（()）]+)\s*[（(]\s*([^\s☐○（()）]{1,8}(?:送达|邮寄|查询|领取))\s*([（(][^（()）]*[）)])\s*[）)]/g,
    `$1 ${BOX} $2 $3`,
  );
}

function markerBefore(text: string, marker: string): OptionPart[] {
  const segments = (marker === BOX ? restoreLostBoxes(text) : text).split(marker);
  const parts: OptionPart[] = [];
  let group: OptionGroup = { kind: "options", label: "", options: [], extras: [] };
  /** Inputs detailing single options (`☐ 遗属待遇申领： _____（填写姓名）…`), shown after the group. */
  let details: OptionText[] = [];
  const close = () => {
    group.options = unique(group.options);
    if (group.options.length) parts.push(group);
    parts.push(...details);
    details = [];
  };
  const lead = segments[0].trim();
  if (lead) {
    const { inline, label } = splitLead(lead);
    if (inline) parts.push({ kind: "text", text: inline });
    group.label = label;
  }
  for (const segment of segments.slice(1)) {
    const detailed = optionDetail(segment);
    if (detailed) {
      group.options.push(detailed.option);
      details.push({ kind: "text", text: detailed.detail, detail: true });
      continue;
    }
    const { option, extras, tail } = splitOptionTail(segment);
    if (option) group.options.push(option);
    if (extras) group.extras.push(...extras);
    if (!tail) continue;
    // `… ☐ 创业（模拟）实训 培训方式： ☐ 线下 …`: a new labelled group starts after the tail
    const nextLabel = /^(.*?)\s*(\S+)[：:]\s*$/.exec(tail);
    close();
    if (nextLabel && !nextLabel[2].includes(BLANK)) {
      if (nextLabel[1].trim()) parts.push({ kind: "text", text: nextLabel[1].trim() });
      group = { kind: "options", label: normaliseLabel(nextLabel[2]), options: [], extras: [] };
    } else {
      parts.push({ kind: "text", text: tail });
      group = { kind: "options", label: "", options: [], extras: [] };
    }
  }
  close();
  return parts;
}

function markerAfter(text: string): OptionPart[] {
  const segments = text.split(BOX);
  const parts: OptionPart[] = [];
  let current: OptionGroup | null = null;
  for (let i = 0; i < segments.length - 1; i++) {
    const tokens = segments[i].trim().split(/\s+/).filter(Boolean);
    const option = cleanOption(tokens.pop() ?? "");
    const rest = tokens.join(" ");
    if (rest || !current) {
      const { inline, label } = splitLead(rest);
      if (inline) parts.push({ kind: "text", text: inline });
      current = { kind: "options", label, options: [], extras: [] };
      parts.push(current);
    }
    if (option) current.options.push(option);
  }
  for (const part of parts) if (part.kind === "options") part.options = unique(part.options);
  const tail = segments[segments.length - 1].trim();
  if (tail) parts.push({ kind: "text", text: tail });
  return parts.filter((p) => p.kind === "text" || p.options.length > 0);
}

/**
 * The text before an option group: the last words without a colon are the group's label,
 * anything before (`入党申请提交时间：____年__月__日`) is inline text with its own fields.
 */
function splitLead(lead: string): { inline: string; label: string } {
  const text = lead.trim();
  const cut = Math.max(text.lastIndexOf("："), text.lastIndexOf(":"), text.lastIndexOf(BLANK));
  if (cut < 0) return { inline: "", label: normaliseLabel(text) };
  const after = text.slice(cut + 1).trim();
  if (after) {
    const words = after.split(/\s+/);
    const label = words.pop() ?? "";
    return { inline: `${text.slice(0, cut + 1)} ${words.join(" ")}`.trim(), label: normaliseLabel(label) };
  }
  if (text[cut] === BLANK) return { inline: text, label: "" };
  // `是否领导职务：` directly before the boxes: the last word before the colon is the label
  const before = text.slice(0, cut).trim();
  const words = before.split(/\s+/);
  const label = words.pop() ?? "";
  return { inline: words.join(" "), label: normaliseLabel(label) };
}

/**
 * An option with inputs of its own: `遗属待遇申领： _____（填写姓名）…`, `丧失国籍，丧失国籍时间： 年 月`,
 * `其他（说明： ）`. The inputs are only filled when the option is ticked.
 */
function optionDetail(segment: string): { option: string; detail: string } | null {
  const text = segment.trim();
  // `短信送达 (填写工伤职工手机号码: ___)`: the option, and the input its parenthesis asks for
  const fill = new RegExp(`^(.+?)\\s*[（(]\\s*填写(.{1,20}?)\\s*[：:]\\s*${BLANK}*\\s*[）)]$`).exec(text);
  if (fill) return { option: cleanOption(fill[1]), detail: `${fill[2].trim()}：` };
  const paren = new RegExp(`^(.+?)[（(]\\s*([^（）()：:]{1,10})[：:][\\s${BLANK}]*[）)]$`).exec(text);
  if (paren) return { option: cleanOption(paren[1]), detail: `${paren[2]}：` };
  const comma = /^([^，,：:▁]{1,20})[，,]\s*([^，,：:▁]{1,20}[：:].*)$/.exec(text);
  if (comma) return { option: cleanOption(comma[1]), detail: comma[2] };
  const colon = /^([^：:▁\s][^：:▁]{0,19})[：:]\s*(.+)$/.exec(text);
  if (colon && !/[。；;]/.test(colon[1])) return { option: cleanOption(colon[1]), detail: colon[2] };
  return null;
}

/** `医疗费 发票_____张` → option 医疗费 + integer 医疗费发票张数; `否。 本人签字：` → option 否 + tail. */
/** `发票_____张, 金额_____元` → [发票张数: integer, 金额: amount] (labels without the option). */
function blankInputs(text: string): ScalarField[] {
  const inputs: ScalarField[] = [];
  for (const part of text.split(/[,，、;；]/)) {
    const at = part.indexOf(BLANK);
    if (at < 0) continue;
    const word = part.slice(0, at).replace(/[\s:：]/g, "");
    const unit = part.slice(at + 1).trim().replace(/^[\s）)]+/, "");
    const unitLabel = /^张/.test(unit) ? "张数" : /^(万元|元)/.test(unit) && !/金额|费/.test(word) ? "金额" : /^人/.test(unit) ? "人数" : "";
    inputs.push({
      kind: "scalar",
      label: `${word}${unitLabel}` || "数量",
      type: /^(张|人|份|个|次)/.test(unit) ? "integer" : /^(万元|元)/.test(unit) ? "amount" : "text",
    });
  }
  return inputs;
}

function splitOptionTail(segment: string): { option: string; extras?: Field[]; tail?: string } {
  let text = segment.trim();
  let tail: string | undefined;
  const stop = text.search(/[。；;]/);
  if (stop >= 0) {
    tail = text.slice(stop + 1).trim() || undefined;
    text = text.slice(0, stop);
  }
  const colonLabel = /^(.*?)\s+(\S+[：:].*)$/.exec(text);
  if (colonLabel) {
    tail = [colonLabel[2], tail].filter(Boolean).join(" ");
    text = colonLabel[1];
  }
  const blankAt = text.indexOf(BLANK);
  if (blankAt >= 0) {
    // `医疗费 发票_____张, 金额_____元` → option 医疗费 + 医疗费发票张数 (integer) + 医疗费金额 (amount)
    const words = text.trim().split(/\s+/);
    const option = cleanOption(words[0].includes(BLANK) ? words[0].slice(0, words[0].indexOf(BLANK)) : words[0]);
    const rest = words[0].includes(BLANK) ? text.trim() : text.trim().slice(words[0].length);
    const extras = blankInputs(rest).map((input) => ({ ...input, label: normaliseLabel(`${option}${input.label}`) || option }));
    return { option, extras, tail };
  }
  return { option: cleanOption(text), tail };
}

function cleanOption(text: string): string {
  return collapseLetterSpacing(text.replace(new RegExp(`[${BOX}${CIRCLE}]`, "g"), ""))
    .replace(/^[\s、,，.。;；:：]+|[\s、,，.。;；:：]+$/g, "")
    .trim();
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}

/** Words in a label that mean only one option may be ticked. */
const SINGLE_CHOICE_LABEL = /类型|性质|类别|等级|程度|状态|状况|户籍|户口|性别|地域|职称|职业资格|学历|薪|身份|是否|方式|结论|级别|面貌|婚姻|有无|原因/;

/** Turns an option group into a field: booleans for `○是否…` options, else a single or multiple choice. */
export function choiceFromGroup(group: OptionGroup, label: string, style: "box" | "circle"): Field[] {
  const options = group.options;
  if (options.length && options.every((o) => /^是否/.test(o))) {
    return options.map((o) => ({ kind: "scalar", label: o, type: "boolean" }) as Field);
  }
  const title = label || "选项";
  const yesNo = options.every((o) => /^(?:是|否|有|无|同意|不同意)$/.test(o));
  const explicitMulti = /勾选|多选|可多选/.test(label);
  const multiple =
    explicitMulti ||
    (!yesNo && style === "box" && options.length >= 3 && !SINGLE_CHOICE_LABEL.test(label));
  const choice: ChoiceField = {
    kind: "choice",
    label: title.replace(/（(?:勾选|可多选|多选|单选)）/g, "") || title,
    options,
    multiple,
  };
  return [choice, ...group.extras];
}
