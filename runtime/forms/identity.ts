/**
 * The identity blocks of a generated application form (seed/forms/generated.ts): who applies
 * (`applicant`), whether for themselves or for another person (`filingMode`), and who files for
 * them (`agent`, 代办人). The blocks are prefilled from the signed-in account, and a typed resident
 * ID or credit code that differs from the account's is flagged. Pure and browser-safe: the
 * applicant's editor and the server's submission use the same functions.
 */
import { isObject } from "@/runtime/definition/json";

/** `$comment` of a form schema whose top level holds these blocks. */
export const IDENTITY_FORM_COMMENT = "identity-blocks";

/** The top-level field saying whether one files for oneself or for another, and its values. */
export const FILING_MODE = "filingMode";
export const FILING_SELF = "本人申请";
export const FILING_ON_BEHALF = "代他人申请";

/** The values of `applicant.kind` (services open to people and organisations). */
export const APPLICANT_PERSON = "个人";
export const APPLICANT_ORGANISATION = "单位";

/** What the signed-in account says of its holder. */
export interface AccountIdentity {
  kind: "person" | "organisation";
  /** A person's name, or an organisation's 经办人 (contact). */
  name: string | null;
  idNumber: string | null;
  organisationName: string | null;
  creditCode: string | null;
  phone: string | null;
}

type Json = Record<string, unknown>;
type Block = Record<string, unknown>;

/** Whether a form schema carries the identity blocks. */
export function hasIdentityBlocks(schema: unknown): boolean {
  return isObject(schema) && schema.$comment === IDENTITY_FORM_COMMENT;
}

/** Which identity fields a block of `schema` declares (its own properties and its conditional branches'). */
function declared(schema: unknown, block: string): Set<string> {
  const out = new Set<string>();
  const visit = (node: unknown, inside: boolean) => {
    if (!isObject(node)) return;
    if (inside && isObject(node.properties)) for (const key of Object.keys(node.properties)) out.add(key);
    const props = isObject(node.properties) ? node.properties : {};
    if (!inside && isObject(props[block])) visit(props[block], true);
    for (const branch of [...(Array.isArray(node.allOf) ? node.allOf : []), node.then, node.else]) visit(branch, inside);
  };
  visit(schema, false);
  return out;
}

function blockOf(data: Json, key: string): Block {
  return isObject(data[key]) ? { ...(data[key] as Block) } : {};
}

const empty = (v: unknown) => v === undefined || v === null || v === "";

/** Whether the data files for another person. */
export function filesOnBehalf(data: unknown): boolean {
  return isObject(data) && data[FILING_MODE] === FILING_ON_BEHALF;
}

/** Whether the form asks how one files (its top level declares `filingMode`). */
function asksFilingMode(schema: unknown): boolean {
  return isObject(schema) && isObject(schema.properties) && FILING_MODE in schema.properties;
}

/** The account's values by identity field name. */
function accountValues(account: AccountIdentity, forAgent: boolean): Record<string, string | null> {
  const organisation = account.kind === "organisation";
  return {
    kind: forAgent ? null : organisation ? APPLICANT_ORGANISATION : APPLICANT_PERSON,
    name: account.name,
    idNumber: account.idNumber,
    organisationName: account.organisationName,
    creditCode: account.creditCode,
    phone: account.phone,
  };
}

/**
 * `data` with the account's identity filled into the empty fields of the block it belongs in:
 * `applicant` when filing for oneself, `agent` when filing for another. When the mode has just
 * turned to 代他人申请 (`previous` filed for oneself), the applicant fields still holding the
 * account's own values are emptied: the applicant is now the other person.
 */
export function prefillIdentity(schema: unknown, data: unknown, account: AccountIdentity, previous?: unknown): Json {
  const out: Json = isObject(data) ? { ...data } : {};
  if (!hasIdentityBlocks(schema)) return out;
  if (asksFilingMode(schema) && empty(out[FILING_MODE])) out[FILING_MODE] = FILING_SELF;
  const onBehalf = filesOnBehalf(out);
  const target = onBehalf ? "agent" : "applicant";
  const fields = declared(schema, target);
  const values = accountValues(account, onBehalf);
  const block = blockOf(out, target);
  let changed = false;
  for (const [key, value] of Object.entries(values)) {
    if (value && fields.has(key) && empty(block[key])) {
      block[key] = value;
      changed = true;
    }
  }
  if (changed) out[target] = block;
  if (onBehalf && previous !== undefined && !filesOnBehalf(previous)) {
    const applicant = blockOf(out, "applicant");
    const own = accountValues(account, false);
    let cleared = false;
    for (const key of ["name", "idNumber", "organisationName", "creditCode", "phone"]) {
      if (own[key] && applicant[key] === own[key]) {
        delete applicant[key];
        cleared = true;
      }
    }
    if (cleared) out.applicant = applicant;
  }
  return out;
}

export interface IdentityFlag {
  /** JSON pointer of the field inside the form. */
  path: string;
  /** To the person filing (「您」), in the editor. */
  message: string;
  /** The same for staff, kept with the filing and shown in the case's timeline. */
  staffMessage: string;
}

/**
 * Where the typed identity differs from the account's: the applicant's resident ID (or credit
 * code) when filing for oneself, the 代办人's when filing for another, and an applicant who is
 * the account holder while filing for another. A flag, not a refusal: staff see it.
 */
export function identityFlags(schema: unknown, data: unknown, account: AccountIdentity): IdentityFlag[] {
  if (!hasIdentityBlocks(schema) || !isObject(data)) return [];
  const flags: IdentityFlag[] = [];
  const onBehalf = filesOnBehalf(data);
  const block = blockOf(data, onBehalf ? "agent" : "applicant");
  const where = onBehalf ? "agent" : "applicant";
  const section = onBehalf ? "代办人信息" : "申请人信息";
  const typedId = typeof block.idNumber === "string" ? block.idNumber.trim().toUpperCase() : "";
  if (account.idNumber && typedId && typedId !== account.idNumber.toUpperCase()) {
    flags.push({
      path: `/${where}/idNumber`,
      message: `“${section}”中的公民身份号码与您账号登记的身份证号不一致${onBehalf ? "" : "；如为他人申请，请在“申请方式”中选择“代他人申请”"}`,
      staffMessage: `“${section}”中的公民身份号码与提交人账号登记的身份证号不一致${onBehalf ? "" : "，且申请方式为“本人申请”"}`,
    });
  }
  const typedCode = typeof block.creditCode === "string" ? block.creditCode.trim().toUpperCase() : "";
  if (account.creditCode && typedCode && typedCode !== account.creditCode.toUpperCase()) {
    flags.push({
      path: `/${where}/creditCode`,
      message: `“${section}”中的统一社会信用代码与您账号登记的代码不一致`,
      staffMessage: `“${section}”中的统一社会信用代码与提交单位账号登记的代码不一致`,
    });
  }
  if (onBehalf) {
    const applicant = blockOf(data, "applicant");
    const applicantId = typeof applicant.idNumber === "string" ? applicant.idNumber.trim().toUpperCase() : "";
    if (account.idNumber && applicantId && applicantId === account.idNumber.toUpperCase()) {
      flags.push({
        path: "/applicant/idNumber",
        message: "选择了“代他人申请”，但“申请人信息”中的公民身份号码是您本人的：请填写被代办人的信息，或改为“本人申请”",
        staffMessage: "申请方式为“代他人申请”，但“申请人信息”中的公民身份号码是提交人本人的",
      });
    }
  }
  return flags;
}
