/**
 * Text normalisation for form blocks: HTML left over from the PDF→text conversion, blanks,
 * checkboxes, letter-spaced labels, sample values. Pure string functions.
 */

/** Sentinel for a fill-in blank (`_____`, `__`, `<input type="text"/>`). */
export const BLANK = "▁";
/** Sentinel for a checkbox (`<input type="checkbox"/>`, checked or not, `□`). */
export const BOX = "☐";
/** Option marker of the ○ style (`○农业○非农`). */
export const CIRCLE = "○";

const CJK = "\\u3400-\\u9fff\\uf900-\\ufaff";
const CJK_SPACE_CJK = new RegExp(`([${CJK}（）()“”《》、/])\\s+(?=[${CJK}（）()“”《》])`, "g");

/**
 * Cleans a table cell or a plain line: checkbox inputs → ☐, blanks → ▁, `<p>` → newline,
 * other tags and `**` removed, whitespace collapsed (newlines kept between paragraphs).
 */
export function cleanText(raw: string): string {
  let text = raw ?? "";
  text = text.replace(/<(https?:[^>\s]+)>/g, "$1");
  text = text.replace(/<input[^>]*type="checkbox"[^>]*\/?>/gi, BOX);
  text = text.replace(/<input[^>]*type="button"[^>]*value="([^"]*)"[^>]*\/?>/gi, "$1");
  text = text.replace(/<input[^>]*type="text"[^>]*\/?>/gi, BLANK);
  text = text.replace(/<\/p>\s*<p[^>]*>/gi, "\n");
  text = text.replace(/<\/?(?:p|div|ol|ul|li|br)[^>]*>/gi, "\n");
  text = text.replace(/<[^>]+>/g, "");
  text = text.replace(/\*\*/g, "");
  text = text.replace(/[□☐]/g, BOX);
  text = text.replace(/_{2,}|＿{2,}/g, BLANK);
  text = text.replace(/\u00a0|\u3000/g, " ");
  text = text
    .split("\n")
    .map((line) => line.replace(/[ \t]+/g, " ").trim())
    .filter((line) => line.length > 0)
    .join("\n");
  return text;
}

/** Removes spaces inside CJK text: `姓 名` → `姓名`, `护 理 等 级` → `护理等级`. */
export function collapseLetterSpacing(text: string): string {
  let previous: string;
  let current = text;
  do {
    previous = current;
    current = current.replace(CJK_SPACE_CJK, "$1");
  } while (current !== previous);
  return current;
}

/**
 * A gentler collapse for running text: removes a space between CJK characters only when one side
 * is a single letter (`日 期：`, `公 章`, `护 理 等 级`), so `机关 填表日期：` keeps its word break.
 */
export function collapseSingleLetterSpacing(text: string): string {
  const isCjk = (s: string) => new RegExp(`^[${CJK}（）()]+$`).test(s);
  const tokens = text.split(/( +)/);
  let out = "";
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (/^ +$/.test(token)) {
      const left = tokens[i - 1] ?? "";
      const right = tokens[i + 1] ?? "";
      const lastLeft = left.slice(-1);
      const firstRight = right.slice(0, 1);
      const single = [...left.replace(/[（）()]/g, "")].length === 1 || [...right.replace(/[（）()]/g, "")].length === 1;
      if (lastLeft && firstRight && isCjk(lastLeft) && isCjk(firstRight) && single) continue;
    }
    out += token;
  }
  return out;
}

/** Half-width parentheses and colons to full width, for labels shown to people. */
export function toFullWidth(text: string): string {
  return text.replace(/\(/g, "（").replace(/\)/g, "）").replace(/:/g, "：");
}

/** A label as it should be shown: letter spacing collapsed, full-width parens, no trailing colon or `*`. */
export function normaliseLabel(raw: string): string {
  let label = collapseLetterSpacing(cleanText(raw).replace(/\n/g, " "));
  label = toFullWidth(label).replace(/\s*（\s*/g, "（").replace(/\s*）/g, "）");
  label = label.replace(/[*＊]/g, "");
  label = label.replace(/^[\s:：,，;；、.。-]+|[\s:：,，;；、。.]+$/g, "");
  label = label.replace(/^[-–—]\s*/, "").replace(/^（(?:签章|盖章|签字|章)）(?=\S)/, "");
  label = label.replace(/^(?:\d{1,2}\s*[.、．](?!\d)|（\d{1,2}）)\s*(?=\S)/, ""); // `1. 运动功能评估`
  if (label.startsWith("（") && !label.includes("）")) label = label.slice(1);
  if (label.startsWith("）")) label = label.slice(1);
  if (label.endsWith("）") && !label.includes("（")) label = label.slice(0, -1);
  return label.trim();
}

/** The key used to compare labels and titles: no spaces, no punctuation, full-width parens. */
export function comparable(text: string): string {
  return toFullWidth(cleanText(text))
    .replace(/[\s《》“”"'：:,，。、*]/g, "")
    .toLowerCase();
}

/** Whether the text marks the label as required (`姓名*`). */
export function hasRequiredMark(raw: string): boolean {
  return /[*＊]\s*$/.test(raw.replace(/（[^）]*）|\([^)]*\)/g, "").trim()) || /[*＊]/.test(raw.replace(/\*\*/g, ""));
}

/** A date placeholder: `年 月 日`, `2024 年 月 日 时 分`, `二〇 年 月 日`, `日 期：`. */
export const DATE_MARKS = /^(?:(?:\d{2,4}|二〇|20|▁)\s*)?年\s*(?:▁\s*)?月\s*(?:▁\s*)?日(?:\s*时\s*分)?$/;
/** A year-month placeholder: `年 月`, `20 年 月`. */
export const YEAR_MONTH_MARKS = /^(?:(?:\d{2,4}|二〇|20|▁)\s*)?年\s+(?:▁\s*)?月$|^(?:(?:\d{2,4}|▁)\s*)?年\s*▁\s*月$/;

/** Whether the text is only a date placeholder (`年 月 日`). */
export function isDateMarks(text: string): boolean {
  return DATE_MARKS.test(text.trim()) || /^日\s*期[：:]?$/.test(text.trim());
}

/** Whether the text is only a year-month placeholder (`年 月`). */
export function isYearMonthMarks(text: string): boolean {
  return YEAR_MONTH_MARKS.test(text.trim());
}

/** A range of dates/year-months: `20 年 月 日至 20 年 月 日`, `年 月—— 年 月`. */
export function rangeMarks(text: string): "date" | "yearMonth" | null {
  const t = text.trim();
  const parts = t.split(/\s*(?:至|到|——|—|－|~|-)\s*/).filter(Boolean);
  if (parts.length !== 2) return null;
  if (parts.every((p) => DATE_MARKS.test(p))) return "date";
  if (parts.every((p) => YEAR_MONTH_MARKS.test(p))) return "yearMonth";
  return null;
}

/**
 * A sample or placeholder value rather than a label: `XXX`, `150302XXXXXXXX2517`, `19XXXX`, digits,
 * `0.16`, `--`, dates, `(不填写)`, address patterns `XX省/自治区（市）…`, `省(市) 区(县) …`, `例：`.
 */
export function isValueLike(text: string): boolean {
  const t = text.trim();
  if (!t) return true;
  if (/^[\dXx*＊.．\-–—/\s:：,，%]+$/.test(t)) return true;
  if (/^[()（）\s]*$/.test(t)) return true;
  if (/[年月日]/.test(t) && /^[\d\s.、，,年月日—\-–~至：:（）()]+$/.test(t)) return true;
  if (isDateMarks(t) || isYearMonthMarks(t) || rangeMarks(t)) return true;
  if (/^[（(](?:不填写|非必填项?|选填|万元|元|人|个|份|张)[）)]$/.test(t)) return true;
  if (/X{2,}|x{2,}|\*{3,}/.test(t) && !/[：:]/.test(t)) return true;
  if (/省.*[区县].*(?:街道|乡镇)/.test(t) && !/[：:]/.test(t)) return true;
  if (/^例[：:]?$/.test(t)) return true;
  if (/^[仟佰拾万亿元角分]$/.test(t)) return true; // digit boxes of an amount in words
  if (/第\s+[期号]/.test(t) && t.length <= 20) return true;
  if (/^(?:19|20)?\d{0,2}\s*年\s+月/.test(t) && !/[：:]/.test(t)) return true;
  if (/^[\d一二三四五六七八九十]+[.、．]?$/.test(t)) return true;
  return false;
}

/** Long explanatory text (notes, promises, instructions) rather than a field label. */
export function isProse(text: string): boolean {
  const t = collapseLetterSpacing(text.trim());
  if (t.length >= 40) return true;
  if (t.length >= 18 && /[。；;！!]$/.test(t)) return true;
  if (/^(?:注|说明|备注|填表说明|填写说明|填写要求|提示|温馨提示)[：:]/.test(t) && t.length > 12) return true;
  if (t.length >= 8 && (/填写$|^请(?!选择)/.test(t) || /^(?:此表|本表)/.test(t) || /请(?:填写|勾选|在|按)/.test(t))) return true;
  return false;
}

/** Whether a short text looks like a field name (so it is a label, not a sample answer). */
export function looksLikeLabel(text: string): boolean {
  const t = normaliseLabel(text).replace(/（[^）]*）/g, "");
  if (!t || isValueLike(t)) return false;
  if (t.length >= 7) return true;
  return LABEL_WORD.test(t);
}

const LABEL_WORD =
  /(名称|姓名|名字|性别|民族|国籍|籍贯|年龄|号码|证号|编号|代码|号|日期|时间|年月|年度|期限|周期|地址|住址|电话|手机|传真|邮箱|邮编|邮政编码|方式|类型|类别|性质|状况|状态|程度|学历|学位|面貌|专业|院校|学校|职务|职称|职位|岗位|等级|级别|金额|资金|费用|费|工资|补贴|津贴|基数|费率|比例|人数|人员|单位|机构|部门|机关|银行|账号|户名|意见|情况|原因|理由|备注|项目|事项|内容|结果|成绩|证书|课时|标志|身份|次数|时限|渠道|范围|简介|综述|依据|照片|科目|明细|合计|总额|险种|行业|地区|区域|负责人|联系人|经办人|代表|法人|申请人|人|者|签字|签名|盖章|公章|章|意向|水平|经历|简历|记录|健康|婚姻|户籍|户口|毕业|培训|技能|资格|批次|所属期|结算期|期|工种|水平|意向|特长|爱好|关系|籍|级|部位|预测|评估|措施|目标|计划|安排|效果)$/;

/** Text that says the field is filled by the office, so it is never required. */
export const OFFICE_USE =
  /审核|审批|复审|初审|复核|审查|社保机构|经办机构|就业部门|管理部门|联席会议|三方会议|主管领导|部门负责人|处理人|受理人|接收人|移交人|登记人|办理人|业务经办|经办岗|存档机构|档案馆|人社部门|(?<!单位)经办人|后续跟踪|（就业部门填写）|不填写|服务情况记录|认定意见/;

/** A signature or seal line: `本人签字`, `签名`, `盖章`, `公章`, `签章`, `(章)`, `（公 章）`. */
export function attestationMode(text: string): "signature" | "seal" | null {
  const t = collapseLetterSpacing(toFullWidth(text)).replace(/\s/g, "");
  if (/盖章|公章|签章|印章|（章）|^章$|（盖章）/.test(t)) return "seal";
  if (/签字|签名|手印|按印/.test(t)) return "signature";
  return null;
}

/** Chinese outline heading of the first level: `一、基本情况`. */
export const SECTION_HEADING = /^[一二三四五六七八九十]{1,3}\s*[、.．]\s*(\S.*)$/;
/** Outline sub-items: `（一）`, `(一)`, `1.`, `1、`, `(1)`, `①`. */
export const SUB_ITEM = /^(?:[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[）)]|\d{1,2}\s*[.、．](?!\d)|[①-⑳])\s*/;
