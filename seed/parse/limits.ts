/**
 * Time limits (办结时限) and fees (收费标准) as the document states them.
 *
 *   `15个工作日` → { days: 15, unit: "workday" }     `即时办结` → { days: 0, unit: "instant" }
 *   `90 自然日` / `60 日` → { unit: "day" }           `线上 3 个工作日，线下：即时办理` → one per channel
 */
import type { TimeLimit } from "@/runtime/definition/schema";
import { stripMarkup } from "./text/markup";
import { parseChineseNumeral } from "./text/numerals";

/** A duration found inside a sentence. */
export interface LimitExpression {
  days: number;
  unit: "workday" | "day" | "instant";
  /** Offset of the expression in the (markup-stripped) text. */
  index: number;
  /** The expression as written (`5 个工作日`, `即时办结`). */
  match: string;
}

const NUMBER = "(\\d+|[一二三四五六七八九十]{1,3})";
/** `15个工作日`, `90 自然日`, `60 日`, `3天`; not dates such as `每月 15 日之前`. */
const DURATION_RE = new RegExp(`${NUMBER}\\s*个?\\s*(工作日|自然日|日|天)(?!之前|之后|前|后|起)`, "g");
const INSTANT_RE = /即时办结|即时办理|即办件|即办|当场办结|当场办理|及时办理|即时/g;

/** Channels a limit may be stated for. */
const CHANNEL_RE = /^(线上|线下|网上|网办|窗口|柜台|现场|批量制发|零星制发|自助语音|人工语音)[：:\s]*$/;

function toNumber(token: string): number | null {
  return /^\d+$/.test(token) ? Number(token) : parseChineseNumeral(token);
}

/** All durations and instant markers in `text`, in order of appearance. */
export function findLimitExpressions(text: string): LimitExpression[] {
  const plain = stripMarkup(text);
  const found: LimitExpression[] = [];
  for (const match of plain.matchAll(DURATION_RE)) {
    const days = toNumber(match[1]);
    if (days === null) continue;
    found.push({ days, unit: match[2] === "工作日" ? "workday" : "day", index: match.index!, match: match[0] });
  }
  for (const match of plain.matchAll(INSTANT_RE)) {
    found.push({ days: 0, unit: "instant", index: match.index!, match: match[0] });
  }
  return found.sort((a, b) => a.index - b.index);
}

/** True when the text says there is no limit / nothing (`无`, `无。`, `—`). */
export function isNone(text: string): boolean {
  return /^(无|暂无|—+|-+|\/)?[。.]?$/.test(stripMarkup(text).replace(/\s+/g, ""));
}

/** Longest text tolerated before a limit in a segment that states only a limit (`自受理之日起`). */
const MAX_LABEL_LENGTH = 8;
/** Longest text tolerated after it (`内`, `内办结`). */
const MAX_TAIL_LENGTH = 4;

function toTimeLimit(text: string, expression: LimitExpression, channel?: string): TimeLimit {
  return {
    text,
    days: expression.days,
    unit: expression.unit,
    ...(channel ? { channel } : {}),
  };
}

/**
 * Parses a time-limit text into one TimeLimit per stated limit. A text made of short
 * limit statements (`线上 3 个工作日，线下：即时办理`; `即时办结。批量制发 30 个工作日，
 * 零星制发 5 个工作日。`) yields one limit per statement with its channel; prose with
 * several stage limits yields one limit carrying the first duration and the whole text.
 * `无` yields none; a text without any duration yields one limit with days/unit null.
 */
export function parseTimeLimits(text: string): TimeLimit[] {
  const plain = stripMarkup(text);
  if (isNone(plain)) return [];
  const segments = plain
    .split(/[，,；;。]/)
    .map((segment) => segment.trim())
    .filter((segment) => segment !== "");
  const statements: TimeLimit[] = [];
  let pendingChannel: string | undefined;
  let prose = false;
  for (const segment of segments) {
    const expressions = findLimitExpressions(segment);
    if (expressions.length === 0) {
      const channel = CHANNEL_RE.exec(segment);
      if (channel) pendingChannel = channel[1];
      else prose = true;
      continue;
    }
    const [expression] = expressions;
    const label = segment.slice(0, expression.index).trim();
    const tail = segment.slice(expression.index + expression.match.length).trim();
    const channel = CHANNEL_RE.exec(label)?.[1];
    if (expressions.length > 1 || (!channel && [...label].length > MAX_LABEL_LENGTH) || [...tail].length > MAX_TAIL_LENGTH) {
      prose = true;
      break;
    }
    const statement = pendingChannel ? `${pendingChannel}，${segment}` : segment;
    statements.push(toTimeLimit(statement, expression, channel ?? pendingChannel));
    pendingChannel = undefined;
  }
  const whole = plain.replace(/[。.]$/, "");
  if (!prose && statements.length === 1) return [{ ...statements[0], text: whole }];
  if (!prose && statements.length > 1) return statements;
  const [first] = findLimitExpressions(plain);
  return [first ? toTimeLimit(plain, first) : { text: plain, days: null, unit: null }];
}

/** The fee as stated: `不收费。` → free; `按……标准收取` → not free. */
export function parseFee(text: string): { text: string; free: boolean } | null {
  const plain = stripMarkup(text).trim();
  if (plain === "") return null;
  const compact = plain.replace(/\s+/g, "");
  const charges = /\d+(?:\.\d+)?元|收取.*费|收费依据|按.*标准收/.test(compact) && !/不收取|免收|不收费/.test(compact);
  const free = !charges && /^(?:无|不收费|免费|免收|不收取|不涉及|否)/.test(compact);
  return { text: plain, free };
}
