/**
 * Clear Chinese messages for ajv errors, naming the field by its schema `title`:
 * “身份证号：校验位不正确”, “姓名：必填”, “人员名单第1行·联系电话：应为11位手机号…”.
 *
 * Three entry points:
 *   - `fieldErrors(errors, rootSchema)` for the server (`validate.ts`): `{ path, message }[]`;
 *   - `localizeAjvErrors` as the rjsf validator's ajv localizer (mutates `message`, see rjsfValidator.ts);
 *   - `createTransformErrors(rootSchema)` / `transformErrors` as rjsf `transformErrors`.
 */
import type { ErrorObject } from "ajv";
import { attestationModeOf, isMustTickBoolean } from "./attestation";
import { FORMAT, formatProblem } from "./formats";
import { NOT_AFTER_TODAY, notAfterTodayProblem } from "./notAfterToday";
import { isObject } from "@/runtime/definition/json";
import { escapePointerSegment, pointerSegments } from "@/runtime/definition/jsonPointer";

type Schema = Record<string, unknown>;

export interface FieldError {
  /** JSON Pointer of the offending value (`/f03/0/f01_name`); for a missing property, its would-be path. */
  path: string;
  message: string;
}

const TYPE_NAMES: Record<string, string> = {
  string: "文本",
  integer: "整数",
  number: "数字",
  boolean: "是/否",
  array: "列表",
  object: "一组信息",
  null: "空值",
};

const FORMAT_FALLBACK: Record<string, string> = {
  date: "应为有效日期（YYYY-MM-DD）",
  "date-time": "应为有效的日期时间",
  time: "应为有效时间",
  email: "邮箱格式不正确",
  uri: "网址格式不正确",
  [FORMAT.residentId]: "身份证号码不正确（18位，含校验位）",
  [FORMAT.creditCode]: "统一社会信用代码不正确（18位，含校验位）",
  [FORMAT.phone]: "应为11位手机号或带区号的固定电话（如 0471-1234567）",
  [FORMAT.yearMonth]: "应为年月，格式 YYYY-MM",
  [FORMAT.amount]: "应为不小于0的金额，最多两位小数",
};

/**
 * The schema of property `key` of an object schema, also where it is declared only inside
 * conditional branches (`allOf` / `if` → `then` / `else`, as conditional visibility writes them).
 */
function propertyOf(schema: Schema, key: string): unknown {
  const direct = isObject(schema.properties) ? (schema.properties as Schema)[key] : undefined;
  if (direct !== undefined) return direct;
  const branches = [...(Array.isArray(schema.allOf) ? schema.allOf : []), schema.then, schema.else];
  for (const branch of branches) {
    if (!isObject(branch)) continue;
    const found = propertyOf(branch, key);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The missing property of a `required` error (rjsf quotes it as `'name'` while its localizer runs). */
function missingPropertyOf(params: unknown): string | undefined {
  const missing = isObject(params) ? params.missingProperty : undefined;
  return typeof missing === "string" ? missing.replace(/^'(.*)'$/, "$1") : undefined;
}

/** The message for one error, without the field name. */
export function describeError(
  keyword: string,
  params: Record<string, unknown>,
  parentSchema?: unknown,
  data?: unknown,
): string {
  const parent = isObject(parentSchema) ? parentSchema : undefined;
  switch (keyword) {
    case "required": {
      const missing = missingPropertyOf(params) ?? "";
      const property = isObject(parent?.properties) ? (parent.properties as Schema)[missing] : undefined;
      return isMustTickBoolean(property) ? "请勾选确认" : "必填";
    }
    case "format": {
      const format = String(params.format ?? "");
      return (data !== undefined ? formatProblem(format, data) : null) ?? FORMAT_FALLBACK[format] ?? "格式不正确";
    }
    case "type": {
      const types = String(params.type ?? "").split(",");
      return `应为${types.map((t) => TYPE_NAMES[t] ?? t).join("或")}`;
    }
    case "minimum":
      return `不能小于${params.limit}`;
    case "exclusiveMinimum":
      return `应大于${params.limit}`;
    case "maximum":
      return `不能大于${params.limit}`;
    case "exclusiveMaximum":
      return `应小于${params.limit}`;
    case "minLength":
      return Number(params.limit) <= 1 ? "必填" : `至少${params.limit}个字`;
    case "maxLength":
      return `不能超过${params.limit}个字`;
    case "pattern": {
      const custom = isObject(parent?.errorMessage) ? (parent.errorMessage as Schema).pattern : undefined;
      if (typeof custom === "string" && custom.trim()) return custom;
      return params.pattern === "^\\d{6}$" ? "应为6位数字" : "格式不正确";
    }
    case "enum":
    case "const":
      if (isMustTickBoolean(parent)) return "请勾选确认";
      if (Array.isArray(params.allowedValues)) {
        const shown = params.allowedValues.slice(0, 6).map(String).join("、");
        return `请从以下选项中选择：${shown}${params.allowedValues.length > 6 ? "…" : ""}`;
      }
      return "取值不正确";
    case "minItems": {
      const choice = isObject(parent?.items) && Array.isArray((parent.items as Schema).enum);
      if (Number(params.limit) <= 1) return choice ? "至少选择一项" : "至少填写一项";
      return choice ? `至少选择${params.limit}项` : `至少填写${params.limit}项`;
    }
    case "maxItems":
      return `最多${params.limit}项`;
    case "uniqueItems":
      return "不能有重复项";
    case "additionalProperties":
      return `包含表单未定义的内容（${params.additionalProperty}）`;
    case "multipleOf":
      return `应为${params.multipleOf}的倍数`;
    case "minProperties":
      return `至少填写${params.limit}项`;
    case "maxProperties":
      return `最多填写${params.limit}项`;
    case "dependencies":
    case "dependentRequired": {
      const trigger = isObject(parent?.properties) ? (parent.properties as Schema)[String(params.property)] : undefined;
      const name = isObject(trigger) && typeof trigger.title === "string" ? trigger.title : "相关项";
      return `填写了“${name}”时必填`;
    }
    case "contains":
      return "至少包含一项符合要求的内容";
    case "not":
      return "不能是这个值";
    case "false schema":
      return "此项不应填写";
    case NOT_AFTER_TODAY:
      return notAfterTodayProblem(data);
    default:
      return `不符合本项的填写要求（${keyword}）`;
  }
}

/** The title of the field an error is about, from the verbose error's parent schema. */
function titleFromParent(error: ErrorObject): string | undefined {
  const parent = isObject(error.parentSchema) ? error.parentSchema : undefined;
  if (error.keyword === "required") {
    const missing = missingPropertyOf(error.params) ?? "";
    const property = isObject(parent?.properties) ? (parent.properties as Schema)[missing] : undefined;
    return isObject(property) && typeof property.title === "string" ? property.title : undefined;
  }
  return typeof parent?.title === "string" ? parent.title : undefined;
}

/**
 * A readable name for the value at `pointer` in data of `rootSchema`: titles joined with `·`,
 * array positions as `第N行` (`人员名单第1行·姓名`). Falls back to the last key.
 */
export function describePath(rootSchema: unknown, pointer: string): string {
  const segments = pointerSegments(pointer);
  const names: string[] = [];
  let schema: unknown = rootSchema;
  for (const segment of segments) {
    if (!isObject(schema)) {
      names.push(segment);
      continue;
    }
    if (schema.type === "array" || isObject(schema.items)) {
      const index = Number(segment);
      const last = names.length - 1;
      const row = Number.isInteger(index) ? `第${index + 1}行` : segment;
      if (last >= 0) names[last] = `${names[last]}${row}`;
      else names.push(row);
      schema = schema.items;
      continue;
    }
    const property = propertyOf(schema, segment);
    const title = isObject(property) && typeof property.title === "string" ? property.title : segment;
    // the tick box of an attestation is named by the attestation itself (“本人签字：请勾选确认”)
    if (!(attestationModeOf(schema) && isMustTickBoolean(property) && names.length)) names.push(title);
    schema = property;
  }
  return names.join("·");
}

/** The pointer of the value an error is about (for `required`, the missing property's). */
export function errorPointer(error: Pick<ErrorObject, "instancePath" | "keyword" | "params">): string {
  const missing = missingPropertyOf(error.params);
  if ((error.keyword === "required" || error.keyword === "dependencies" || error.keyword === "dependentRequired") && missing !== undefined) {
    return `${error.instancePath}/${escapePointerSegment(missing)}`;
  }
  return error.instancePath;
}

/** “字段：问题” with the field named by its title (the full path when `rootSchema` is given). */
export function localizeAjvError(error: ErrorObject, rootSchema?: unknown): string {
  const problem = describeError(error.keyword, error.params as Record<string, unknown>, error.parentSchema, error.data);
  const pointer = errorPointer(error);
  const name = rootSchema !== undefined && pointer ? describePath(rootSchema, pointer) : titleFromParent(error);
  return name ? `${name}：${problem}` : problem;
}

/** Errors for people and APIs, deduplicated, the schema's `if/then` and `anyOf` plumbing dropped. */
export function fieldErrors(errors: ErrorObject[] | null | undefined, rootSchema: unknown): FieldError[] {
  const out: FieldError[] = [];
  const seen = new Set<string>();
  for (const error of errors ?? []) {
    if (PLUMBING.has(error.keyword)) continue;
    const path = errorPointer(error);
    const message = localizeAjvError(error, rootSchema);
    const key = `${path}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path, message });
  }
  return out;
}

/** An rjsf validator localizer: rewrites each ajv error's `message` in place (before rjsf converts them). */
export function localizeAjvErrors(errors?: ErrorObject[] | null): void {
  for (const error of errors ?? []) error.message = localizeAjvError(error);
}

/** The subset of rjsf's `RJSFValidationError` these helpers read and write. */
export interface RjsfErrorLike {
  name?: string;
  property?: string;
  message?: string;
  params?: unknown;
  stack: string;
  schemaPath?: string;
  title?: string;
}

/** `.f03.0.f01_name` (rjsf) → `/f03/0/f01_name`. */
function propertyToPointer(property: string | undefined): string {
  if (!property) return "";
  return property.replace(/^\./, "/").replace(/\./g, "/").replace(/\['([^']+)'\]/g, "/$1");
}

const LOCALIZED = /[\u4e00-\u9fff]/;

/**
 * rjsf `transformErrors` for a form: messages in Chinese, naming the field by its title path,
 * `stack` equal to the message (so rjsf's error list shows it once).
 */
export function createTransformErrors(rootSchema: unknown) {
  return <E extends RjsfErrorLike>(errors: E[]): E[] =>
    dedupe(errors.filter((error) => !PLUMBING.has(error.name ?? "")).map((error) => {
      let message = error.message ?? "";
      if (!LOCALIZED.test(message) && error.name) {
        const pointer = propertyToPointer(error.property);
        const parentPointer = error.name === "required" ? pointer.replace(/\/[^/]*$/, "") : pointer;
        const parentSchema = schemaAt(rootSchema, parentPointer);
        const problem = describeError(error.name, (error.params ?? {}) as Record<string, unknown>, parentSchema);
        const name = pointer ? describePath(rootSchema, pointer) : error.title;
        message = name ? `${name}：${problem}` : problem;
      }
      return { ...error, message, stack: message };
    }));
}

/** Keywords that only carry other errors (a failed `if/then` reports the `then` error itself too). */
const PLUMBING = new Set(["if", "anyOf", "oneOf"]);

/** One line per problem: the same message for the same field is shown once. */
function dedupe<E extends RjsfErrorLike>(errors: E[]): E[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = `${error.property ?? ""}\u0000${error.message ?? ""}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** rjsf `transformErrors` without a schema: only makes `stack` equal to the (localized) message. */
export function transformErrors<E extends RjsfErrorLike>(errors: E[]): E[] {
  return errors.map((error) => ({ ...error, stack: error.message ?? error.stack }));
}

/** The subschema describing the value at `pointer` (properties / items only). */
export function schemaAt(rootSchema: unknown, pointer: string): Schema | undefined {
  let schema: unknown = rootSchema;
  for (const segment of pointerSegments(pointer)) {
    if (!isObject(schema)) return undefined;
    if (isObject(schema.items) && /^\d+$/.test(segment)) schema = schema.items;
    else schema = propertyOf(schema, segment);
  }
  return isObject(schema) ? schema : undefined;
}
