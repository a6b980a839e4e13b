/**
 * Fields inside one piece of running text (a table cell, a plain line, a template paragraph):
 * `label：` pairs, blanks `_____` (with their unit: 元, 人, 年), date marks `年 月 日`, ranges,
 * checkbox/circle option groups, signature and seal labels. Pure.
 */
import type { Field, ScalarType } from "./fields";
import { makeNotRequired, makeOptional } from "./fields";
import { fieldFromLabel } from "./infer";
import { choiceFromGroup, hasOptions, parseOptionParts } from "./options";
import {
  BLANK,
  BOX,
  OFFICE_USE,
  attestationMode,
  collapseLetterSpacing,
  collapseSingleLetterSpacing,
  isProse,
  looksLikeLabel,
  normaliseLabel,
} from "./text";

export interface InlineContext {
  /** Label of the cell/row this text belongs to, used for unlabeled option groups. */
  label?: string;
  /** Inside an office-use section: nothing is required. */
  officeUse?: boolean;
}

type SlotKind = "date" | "yearMonth" | "year" | "dateRange" | "yearMonthRange" | "blank";

interface Slot {
  kind: "slot";
  slot: SlotKind;
  /** Unit written after a blank: 元, 万元, 人, 张 … */
  unit?: string;
}
interface Text {
  kind: "text";
  text: string;
}
interface Label {
  kind: "label";
  label: string;
}
type Piece = Slot | Text | Label;

const Y = "(?:(?:▁|\\d{2,4}|二〇|20)\\s*)?";
const GAP = "(?:\\s*▁\\s*|\\s+)";
const DATE = `${Y}年${GAP}月${GAP}日(?:\\s*(?:▁\\s*)?时\\s*(?:▁\\s*)?分)?`;
const YM = `${Y}年${GAP}月(?!\\s*▁?\\s*日)`;
const SEP = "\\s*(?:至|到|——|—|－|~|-)\\s*";
const SLOT_PATTERN = new RegExp(
  [
    `(?<dateRange>${DATE}${SEP}${DATE})`,
    `(?<yearMonthRange>${YM}${SEP}${YM})`,
    `(?<date>${DATE})`,
    `(?<yearMonth>${YM})`,
    `(?<year>▁\\s*年)(?!\\s*▁?\\s*月)`,
    `(?<blank>▁)\\s*(?<unit>万元|元|人|张|份|个|次|岁)?`,
  ].join("|"),
  "g",
);

/** Splits text into slots and text runs. */
function slotPieces(text: string): Piece[] {
  const pieces: Piece[] = [];
  let last = 0;
  for (const match of text.matchAll(SLOT_PATTERN)) {
    const index = match.index ?? 0;
    if (index > last) pieces.push({ kind: "text", text: text.slice(last, index) });
    const groups = match.groups ?? {};
    const slot = (["dateRange", "yearMonthRange", "date", "yearMonth", "year", "blank"] as const).find((k) => groups[k]);
    pieces.push({ kind: "slot", slot: slot ?? "blank", unit: groups.unit });
    last = index + match[0].length;
  }
  if (last < text.length) pieces.push({ kind: "text", text: text.slice(last) });
  return pieces;
}

/** Roles whose empty `role：` is a place to sign. */
export const SIGNING_ROLE =
  /(?:申请人|承诺人|声明人|经办人|审核人|审批人|负责人|填报人|填表人|制表人|复核人|委托人|代理人|参保人|申领人|领取人|受托人|当事人|监护人|继承人)$/;

/** A bare signature/seal mark after an input: `（签章）`, `(章)`, `（签字）`. */
const TRAILING_MARK = /^\s*[（(]\s*(?:签\s*字|签\s*名|签\s*章|盖\s*章|公\s*章|章)\s*[）)]/;

const COLON_LABEL = /([^\s：:，,。；;！？!?]{1,30}?)\s*[：:]/g;

/** Splits text runs further at `label：`. */
function labelPieces(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const piece of pieces) {
    if (piece.kind !== "text") {
      out.push(piece);
      continue;
    }
    // `个人 (需加盖手印):` → one label `个人(需加盖手印)`
    const text = collapseSingleLetterSpacing(piece.text).replace(/([\u4e00-\u9fff])\s+(?=[（(][^）)]{1,12}[）)]\s*[：:])/g, "$1");
    let last = 0;
    for (const match of text.matchAll(COLON_LABEL)) {
      const index = match.index ?? 0;
      if (index > last) out.push({ kind: "text", text: text.slice(last, index) });
      out.push({ kind: "label", label: match[1] });
      last = index + match[0].length;
    }
    if (last < text.length) out.push({ kind: "text", text: text.slice(last) });
  }
  return out;
}

const DELIMITER = /[，,。；;！？!?、\n]/;
const FILLER_PREFIX = /^(?:我单位|你单位|本单位|贵单位|我公司|该同志|其|本人|经|在|于|由|从|为|至|和|及|与|属于|现将|关于)/;

/** The words right before a blank, back to the previous delimiter. */
function tailWords(text: string): string {
  const parts = text.split(DELIMITER);
  return (parts[parts.length - 1] ?? "").trim();
}

/** The words right after a blank, up to the next delimiter. */
function headWords(text: string): string {
  return (text.split(DELIMITER)[0] ?? "").trim();
}

/** How a blank is shown inside a title made of the words around it. */
const SLOT_TEXT: Record<SlotKind, string> = {
  blank: "＿",
  year: "＿年",
  yearMonth: "＿年＿月",
  date: "＿年＿月＿日",
  dateRange: "＿年＿月＿日至＿年＿月＿日",
  yearMonthRange: "＿年＿月至＿年＿月",
};

/**
 * A label for a blank written without `label：`, from the words around it; `usedAfter` when the
 * label is the text right after the blank (`_____就业服务中心：`), which is then consumed.
 */
function contextLabel(before: string, after: string, slot: SlotKind): { label: string; usedAfter: boolean } {
  const words = collapseLetterSpacing(tailWords(before)).replace(/^[）)\]】\s]+/, "");
  // `（填写姓名）为参保人员_____`: the words after the last instruction in parentheses
  const instructionEnd = [...words.matchAll(/[（(]填写[^）)]*[）)]/g)].pop();
  const cut = instructionEnd ? (instructionEnd.index ?? 0) + instructionEnd[0].length : 0;
  const pre = cut > 0 && cut < words.length ? words.slice(cut) : words;
  const post = collapseLetterSpacing(headWords(after)).replace(/^[）)\]】\s]+/, "");
  const done = (label: string, usedAfter = false) => ({ label, usedAfter });
  if (/^同志/.test(after.trim())) return done("姓名");
  if (/^[，,]?\s*性别/.test(after.trim()) && (!pre || /(人员|同志|职工)$/.test(pre))) return done("姓名");
  if (!pre && /^[：:]/.test(after.trim()) && !before.trim()) return done("收件单位");
  if (slot === "dateRange" || slot === "yearMonthRange") {
    const noun = pre.replace(FILLER_PREFIX, "").replace(/[（(]?自$/, "");
    const base = slot === "dateRange" ? "起止日期" : "起止年月";
    return done(noun && noun.length <= 6 && looksLikeLabel(noun) && !/[（）()]/.test(noun) ? `${noun}${base}` : base);
  }
  if ((slot === "date" || slot === "yearMonth") && /^出生/.test(post)) {
    return done(slot === "date" ? "出生日期" : "出生年月");
  }
  if (pre && attestationMode(pre) && pre.length <= 12) return done(pre); // `（公 章） 年 月 日`
  const paren = /^[（(]([^）)]{1,12})[）)]/.exec(post);
  const instruction = paren ? /^填写(.+)$/.exec(paren[1]) : null;
  if (instruction) {
    // `依靠工亡职工_____（填写姓名）`: the instruction names the blank
    const who = pre.replace(FILLER_PREFIX, "").replace(/^依靠/, "");
    return done(who && who.length <= 8 && looksLikeLabel(`${who}${instruction[1]}`) ? `${who}${instruction[1]}` : instruction[1]);
  }
  if (paren && !pre) return done(paren[1]);
  const trimmedPre = pre.replace(FILLER_PREFIX, "").replace(/[于在为至由从的]$/, "");
  const person = /(参保人员|存档人员|职工|人员|同志)$/.exec(pre);
  if (slot === "blank" && person && /^\s*[，,]/.test(after)) return done(`${person[1] === "同志" ? "" : person[1]}姓名`); // `原在你处的参保人员 _____,`
  if (trimmedPre && trimmedPre.length <= 8 && looksLikeLabel(trimmedPre) && !/[于在为至由从]$/.test(pre)) {
    return done(trimmedPre);
  }
  const postLabel = post.replace(/[：:]$/, "");
  if (!pre && postLabel && postLabel.length <= 10 && !/^[年月日]/.test(postLabel)) return done(postLabel, true);
  const left = pre.slice(-10);
  const right = post.replace(/[：:]$/, "").slice(0, 12);
  if (!left && !right) return done("填写内容");
  return done(`${left}${SLOT_TEXT[slot]}${right}`);
}

/** The field a blank asks for, typed by its slot and unit. */
function slotField(label: string, slot: Slot, officeUse: boolean): Field | null {
  if (slot.slot === "dateRange" || slot.slot === "yearMonthRange") {
    const type: ScalarType = slot.slot === "dateRange" ? "date" : "yearMonth";
    return {
      kind: "group",
      label,
      children: [
        { kind: "scalar", label: "开始", type },
        { kind: "scalar", label: "结束", type },
      ],
    };
  }
  const base = fieldFromLabel(label, { officeUse });
  if (!base) return null;
  if (base.kind !== "scalar") {
    if (base.kind === "attestation" && slot.slot === "date") base.dated = true;
    return base;
  }
  if (slot.slot === "date") {
    base.type = "date";
    if (!/日期|时间|日/.test(base.label)) base.label = `${base.label}日期`;
  } else if (slot.slot === "yearMonth") base.type = "yearMonth";
  else if (slot.slot === "year") base.type = "year";
  else if (slot.unit && /元/.test(slot.unit)) base.type = "amount";
  else if (slot.unit && /人|张|份|个|次|岁/.test(slot.unit)) base.type = "integer";
  return base;
}

/**
 * All fields found in a piece of text. Returns [] when the text holds no input at all
 * (plain label or prose: the caller decides).
 */
export function fieldsFromInline(rawText: string, context: InlineContext = {}): Field[] {
  const text = rawText.replace(/\n/g, " ").trim();
  if (!text) return [];
  if (hasOptions(text)) return fieldsFromOptionText(text, context);
  const pieces = labelPieces(slotPieces(text));
  const fields: Field[] = [];
  const officeUse = context.officeUse ?? false;
  let pending: string | null = null;
  let before = "";
  const flushPending = (sample?: string) => {
    if (pending === null) return;
    if (!sample && SIGNING_ROLE.test(normaliseLabel(pending))) {
      // `审核人:` / `负责人：` with nothing after it: a place to sign
      const label = normaliseLabel(pending);
      fields.push({ kind: "attestation", label, mode: "signature", dated: false, required: !officeUse && !OFFICE_USE.test(label), officeUse: officeUse || OFFICE_USE.test(label) || undefined });
      pending = null;
      return;
    }
    if (/^(?:其中|含|包括|另)$/.test(pending) && sample) {
      pending = sample; // `其中: 本年欠缴额 元` names the field after the colon
      sample = undefined;
    }
    const field = fieldFromLabel(pending, { officeUse, sample });
    if (field) fields.push(field);
    pending = null;
  };
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    if (piece.kind === "label") {
      const following = pieces[i + 1];
      const slotFollows =
        following?.kind === "slot" ||
        (following?.kind === "text" && !following.text.trim() && pieces[i + 2]?.kind === "slot");
      const sentence = before.trim();
      const inSentence =
        sentence.length > 20 || (/[，,]$/.test(sentence) && (sentence.match(/[\u4e00-\u9fff]/g)?.length ?? 0) >= 6);
      if (!slotFollows && (inSentence || piece.label.length > 16 || /(?:如下|以下|承诺|声明)$/.test(piece.label))) {
        before += `${piece.label}：`; // `…，现做出以下承诺：` ends a sentence, it is no field
        continue;
      }
      flushPending();
      pending = piece.label;
      before = "";
      continue;
    }
    if (piece.kind === "text") {
      const value = piece.text.trim();
      if (pending !== null && value) {
        if (isProse(value) || /[。]$/.test(value)) {
          pending = null; // `政策名称：失业保险稳岗返还。` is prose, not a field
        } else {
          flushPending(value.length <= 24 ? value : undefined);
          // A value like `xx 有限公司` is consumed; longer text becomes context.
          if (value.length > 24) before = value;
          continue;
        }
      }
      before += piece.text;
      continue;
    }
    // a slot
    const previous = fields[fields.length - 1];
    if (pending === null && piece.slot === "date" && previous?.kind === "attestation" && !before.trim()) {
      previous.dated = true;
      continue;
    }
    const after = nextText(pieces, i);
    let label: string;
    if (pending !== null) label = pending;
    else {
      const context = contextLabel(before, after, piece.slot);
      label = context.label;
      if (context.usedAfter && pieces[i + 1]?.kind === "label") i++; // `_____就业服务中心：`
    }
    pending = null;
    const alternatives = /^\s*[（(]([^）)]*\/[^）)]*)[）)]/.exec(after);
    if (piece.slot === "blank" && alternatives) {
      // `_____（个人/单位）存档`: one of the alternatives in the parentheses
      const options = alternatives[1].split("/").map((o) => normaliseLabel(o)).filter(Boolean);
      fields.push({ kind: "choice", label, options: [...new Set(options)], multiple: false, required: false });
      before = "";
      continue;
    }
    let field = slotField(label, piece, officeUse);
    // `参保人： 年 月 日（签章）`, `经办人： 年 月 日`: a dated signature, not a date field
    const signedAfter = TRAILING_MARK.test(after);
    if (field && piece.slot === "date" && field.kind === "scalar" && (signedAfter || SIGNING_ROLE.test(label))) {
      const mode = attestationMode(after.match(TRAILING_MARK)?.[0] ?? "") ?? "signature";
      field = { kind: "attestation", label: normaliseLabel(label), mode, dated: true, required: !officeUse && !OFFICE_USE.test(label), officeUse: officeUse || OFFICE_USE.test(label) || undefined };
    }
    if (field) fields.push(field);
    if (signedAfter && field?.kind === "attestation") {
      const rest = pieces[i + 1];
      if (rest?.kind === "text") rest.text = rest.text.replace(TRAILING_MARK, "");
    }
    before = "";
  }
  flushPending();
  return mergeDatesIntoAttestations(fields);
}

/** The text after a slot up to the next slot (labels written back with their colon). */
function nextText(pieces: Piece[], index: number): string {
  let text = "";
  for (let k = index + 1; k < pieces.length; k++) {
    const next = pieces[k];
    if (next.kind === "slot") break;
    text += next.kind === "text" ? next.text : `${next.label}：`;
  }
  return text;
}

/** `经办人签字： 日期：` → one dated attestation; `经办人： 签名： 年 月 日` → one signature. */
function mergeDatesIntoAttestations(fields: Field[]): Field[] {
  const out: Field[] = [];
  for (const field of fields) {
    const previous = out[out.length - 1];
    if (
      previous?.kind === "attestation" &&
      field.kind === "attestation" &&
      /^（?(?:签名|签字|签章|盖章|章)）?$/.test(field.label) &&
      !/^（?(?:签名|签字|签章|盖章|章)）?$/.test(previous.label)
    ) {
      previous.dated = previous.dated || field.dated;
      continue;
    }
    if (
      previous?.kind === "attestation" &&
      !previous.dated &&
      field.kind === "scalar" &&
      field.type === "date" &&
      /^(?:日期|时间|签字日期|签章日期|盖章日期)$/.test(field.label)
    ) {
      previous.dated = true;
      continue;
    }
    out.push(field);
  }
  return out;
}

function fieldsFromOptionText(text: string, context: InlineContext): Field[] {
  const style = text.includes(BOX) ? "box" : "circle";
  const fields: Field[] = [];
  let contextLabelUnused = context.label ?? "";
  for (const part of parseOptionParts(text)) {
    if (part.kind === "text") {
      // an option's detail (`□死亡 死亡时间：`) is filled only with its option: optional, yet the applicant's
      const inner = fieldsFromInline(part.text, { officeUse: context.officeUse });
      if (part.detail) makeNotRequired(inner);
      if (inner.length) fields.push(...inner);
      else if (attestationMode(part.text)) {
        const f = fieldFromLabel(part.text, { officeUse: context.officeUse });
        if (f) fields.push(f);
      }
      continue;
    }
    let label = part.label;
    if (!label || !looksLikeLabel(label)) {
      label = [contextLabelUnused, label].filter(Boolean).join(" ") || label;
      contextLabelUnused = "";
    }
    const made = choiceFromGroup(part, normaliseLabel(label), style);
    fields.push(...(context.officeUse ? makeOptional(made) : made));
  }
  return mergeDatesIntoAttestations(fields);
}

/** Whether the text holds inputs of its own (blanks, date marks, options, `label：`). */
export function hasInlineInputs(text: string): boolean {
  return text.includes(BLANK) || hasOptions(text) || /[：:]/.test(text) || new RegExp(`${DATE}|${YM}`).test(text);
}
