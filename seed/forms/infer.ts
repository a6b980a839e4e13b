/**
 * Field inference from a label (and the sample/placeholder value the document shows beside it):
 * type, format, required, help. Pure.
 */
import type { Field, ScalarType } from "./fields";
import { markOfficeUse } from "./fields";
import {
  OFFICE_USE,
  attestationMode,
  hasRequiredMark,
  isDateMarks,
  isValueLike,
  isYearMonthMarks,
  normaliseLabel,
  rangeMarks,
} from "./text";

/** A label split into its title and the hints found in its parentheses. */
export interface LabelParts {
  title: string;
  /** Long parenthetical explanations, moved to `help`. */
  help?: string;
  /** Short hints (`YYYYMMDD`, `勾选`, `不填写`, `万元`, `人` …). */
  hints: string[];
  requiredMark: boolean;
}

const HINT_PAREN = /[（(]\s*([^（）()]*?)\s*[）)]/g;
/** Parenthetical hints that are instructions, not part of the name. */
const INSTRUCTION_HINT = /^(?:YYYYMMDD|YYYY-?MM-?DD|YYYYMM|勾选|可多选|多选|单选|不填写|非必填项?|选填|必填|章|公章|盖章|签字|签章)$/i;
/** Unit hints: kept in the title, used for the type. */
const UNIT_HINT = /^(?:万元|元|人|张|份|个|次|岁|天|月)$/;

/** Splits `参加工作时间 (YYYYMMDD)*` → title `参加工作时间`, hints [`YYYYMMDD`], required. */
export function splitLabel(raw: string): LabelParts {
  const requiredMark = hasRequiredMark(raw);
  const label = normaliseLabel(raw);
  const hints: string[] = [];
  const helps: string[] = [];
  let title = label.replace(HINT_PAREN, (whole, inner: string) => {
    const hint = inner.replace(/\s/g, "");
    if (INSTRUCTION_HINT.test(hint)) {
      hints.push(hint);
      return "";
    }
    if (UNIT_HINT.test(hint)) {
      hints.push(hint);
      return whole;
    }
    if (hint.length > 8) {
      helps.push(inner.trim());
      return "";
    }
    return whole;
  });
  title = title.replace(/\s+/g, " ").trim();
  if (!title) title = label;
  return { title, help: helps.length ? helps.join("；") : undefined, hints, requiredMark };
}

/** The scalar type a label asks for, from its words and the placeholder value beside it. */
export function inferScalarType(title: string, hints: string[] = [], sample = ""): ScalarType {
  const t = title.replace(/\s/g, "");
  const h = hints.join(" ");
  const s = sample.trim();
  if (/YYYYMMDD|YYYY-?MM-?DD/i.test(h) || isDateMarks(s)) return "date";
  if (/YYYYMM/i.test(h) || isYearMonthMarks(s)) return "yearMonth";
  if (/邮箱|e-?mail|电子邮件/i.test(t)) return "email";
  if (/邮政编码|邮编/.test(t)) return "postcode";
  if (/(统一社会)?信用代码/.test(t) && !/组织机构代码/.test(t)) return "creditCode";
  if (/(身份证|公民身份号码|身份号码|社会保障号)/.test(t) && !/类型|种类|有效期|签发|地址/.test(t)) return "residentId";
  if (/电话|手机|移动电话|固定电话|联系方式|传真/.test(t) && !/渠道|情况|方式及/.test(t)) return "phone";
  if (/年月$|开始年月|终止年月|起始年月|建账年月/.test(t)) return "yearMonth";
  if (/(日期|时间|生日)$/.test(t) && !/起止|^(?:工作|服务|办理|办公|培训|实施)时间$|周期|时间段|时长|时间及/.test(t)) return "date";
  if (/^年度$|年份$|^年$/.test(t)) return "year";
  if (/(人数|年龄|份数|张数|次数|天数|月数|课时|工龄|岁数)$|（人）|（个）|^期初|^期末|本期增加|本期减少/.test(t) || /^(人|个|张|份|次)$/.test(h)) {
    return "integer";
  }
  if (/费率|比例|比率|税率|缴费率/.test(t)) return "number";
  if (isAmountLabel(t) || /^(万元|元)$/.test(h)) return "amount";
  if (/意见|理由|简介|综述|说明|描述|简述|事迹|经历|简历|记录|诉求内容|投诉内容|答复内容|内容$|情况$|备注|原因|事实|概述|方案|计划/.test(t)) {
    return "textarea";
  }
  return "text";
}

function isAmountLabel(t: string): boolean {
  if (/类别|类型|性质|方式|标准|编号|账号|银行|名称|项目$|信息|情况|说明|发放时间|渠道|用途|来源|所属期|待遇$|类$|种类|发票|大写/.test(t)) return false;
  return /金额|（元）|（万元）|万元|元$|工资|补贴|津贴|基数|预算|资金|收入|总额|薪金|薪酬|费用|补助金|抚恤金|补偿金|欠缴额|垫付|本金|利息|滞纳金|合计金额|余额|[^收]费$/.test(t);
}

/** Labels whose absence makes the form meaningless: names, ID numbers. */
export function isEssentialLabel(title: string, type: ScalarType): boolean {
  const t = title.replace(/\s/g, "").replace(/（[^）]*）/g, "");
  if (OFFICE_USE.test(t)) return false;
  if (type === "residentId" && !/法定代表人|法人|负责人|联系人|经办人|介绍人|配偶|父亲|母亲|代理人/.test(t)) return true;
  return /^(?:(?:参保人员|参保人|申请人|存档人员|职工|学员|来电者)?姓名|申请人|申请单位|项目名称|.{0,8}(?:单位|企业|机构)名称)$/.test(
    t.replace(/^（[^）]*）/, ""),
  ) || /^（来电者）姓名$/.test(title);
}

export interface InferOptions {
  /** The field sits in an office-use section: never required. */
  officeUse?: boolean;
  /** A sample value shown beside the label in the document. */
  sample?: string;
  /** The document shows a date next to a signature/seal. */
  dated?: boolean;
}

/**
 * Like `fieldFromLabel`, but an opinion stamped beside it (`所在单位意见⇥(章) 年 月 日`) gives both
 * the opinion text and the seal.
 */
export function fieldsFromLabel(raw: string, options: InferOptions = {}): Field[] {
  const sample = options.sample ?? "";
  const title = splitLabel(raw).title.replace(/（[^）]*）$/, "");
  if (attestationMode(sample) && /意见$/.test(title) && !attestationMode(raw)) {
    const opinion = fieldFromLabel(raw, { officeUse: options.officeUse });
    const stamp = fieldFromLabel(`${title.replace(/意见$/, "")}${attestationMode(sample) === "seal" ? "盖章" : "签字"}`, {
      officeUse: options.officeUse || OFFICE_USE.test(title),
      dated: /年\s*月\s*日/.test(sample),
    });
    return [opinion, stamp].filter((f): f is Field => f !== null);
  }
  const field = fieldFromLabel(raw, options);
  return field ? [field] : [];
}

/**
 * Builds the field a label asks for: an attestation for signature/seal labels, else a typed input.
 * A field of an office-use section (or an office's own label: `经办人签字`, `（不填写）`) is marked
 * `officeUse`: the applicant neither fills nor sees it.
 */
export function fieldFromLabel(raw: string, options: InferOptions = {}): Field | null {
  const field = fieldFromLabelOnly(raw, options);
  if (!field) return null;
  const title = splitLabel(raw).title;
  // `退休审批部门`: the name of the office that approved something, which the applicant writes
  const namesAnOffice = field.kind === "scalar" && /(?:部门|机关)$/.test(title);
  const office = options.officeUse || (OFFICE_USE.test(title) && !namesAnOffice) || (field.kind === "scalar" && field.readOnly === true);
  return office ? markOfficeUse(field) : field;
}

function fieldFromLabelOnly(raw: string, options: InferOptions): Field | null {
  const parts = splitLabel(raw);
  const title = parts.title;
  if (!title || isValueLike(title)) return null;
  if (/(?:要求|须知|提示|注意事项)$|^(?:填表|填写)说明$/.test(title)) return null; // a heading of notes
  if (/^以上.*(?:属实|真实|无误|准确)/.test(title)) return null; // a declaration, signed below
  if (/^(?:合计|总计|小计)$/.test(title)) return null; // computed, not entered
  if (/^(?:承诺告知|承诺内容|告知事项|本人承诺|承诺事项|承诺|声明)$/.test(title)) return null; // a heading of a promise text
  const officeUse = options.officeUse || OFFICE_USE.test(title);
  const mode = attestationMode(raw);
  if (mode) {
    return {
      kind: "attestation",
      label: normaliseLabel(raw) || title,
      mode,
      dated: options.dated ?? isDateMarks(options.sample ?? ""),
      required: !officeUse,
      help: parts.help,
    };
  }
  const sample = (options.sample ?? "").trim();
  const sampleSigns = sample && attestationMode(sample);
  if (sampleSigns) {
    // `主治医师⇥(签字)`, `经办机构审核⇥（签章） 年 月 日`, a `本人签字` sample in a 本人确认 column
    return {
      kind: "attestation",
      label: title,
      mode: sampleSigns,
      dated: /年\s*月\s*日/.test(sample),
      required: !officeUse,
    };
  }
  const alternatives = /^([^/（(]+(?:\/[^/（(]+)+)\s*(?:[（(]勾选[）)])?$/.exec(sample);
  if (alternatives) {
    // `与申请人关系： 本人/法定监护人（勾选）`
    const options = [...new Set(alternatives[1].split("/").map((o) => normaliseLabel(o)).filter(Boolean))];
    if (options.length >= 2) return { kind: "choice", label: title, options, multiple: false, required: false };
  }
  const rangeKind = sample ? rangeMarks(sample) : null;
  if (rangeKind) {
    const type = rangeKind === "date" ? "date" : "yearMonth";
    return {
      kind: "group",
      label: title,
      help: parts.help,
      required: false,
      children: [
        { kind: "scalar", label: "开始", type },
        { kind: "scalar", label: "结束", type },
      ],
    };
  }
  if (/^是否/.test(title) && !/[，,。]/.test(title) && title.length <= 20) {
    return { kind: "choice", label: title, options: ["是", "否"], multiple: false, required: false, help: parts.help };
  }
  if (/^性别$/.test(title.replace(/\s/g, ""))) {
    return { kind: "choice", label: title, options: ["男", "女"], multiple: false, required: false, help: parts.help };
  }
  const type = inferScalarType(title, parts.hints, sample);
  const readOnly = parts.hints.includes("不填写") || /^[（(]?不填写[）)]?$/.test(sample);
  const required = !officeUse && !readOnly && (parts.requiredMark || isEssentialLabel(title, type));
  const placeholder = usefulPlaceholder(sample);
  return {
    kind: "scalar",
    label: title,
    type,
    required,
    readOnly: readOnly || undefined,
    help: parts.help,
    placeholder,
  };
}

/** A sample value worth showing as a placeholder (not a bare `XXX` or a date mark). */
function usefulPlaceholder(sample: string): string | undefined {
  const s = sample.trim();
  if (!s || !/[\p{L}\p{N}]/u.test(s) || /^[Xx*\s]+$/.test(s) || isDateMarks(s) || isYearMonthMarks(s) || /^[（(]?不填写[）)]?$/.test(s)) return undefined;
  if (/^[（(][^）)]*[）)]$/.test(s)) return undefined;
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}
