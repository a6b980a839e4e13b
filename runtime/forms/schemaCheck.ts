/**
 * Whether a form schema is one ajv can use, and if not why, in Chinese: checked against its
 * dialect's meta-schema, then compiled. The designer's lint (on every draft) and the form import
 * (pasted text) ask the same question and give the same answer. One checking ajv per dialect, and
 * nothing of a checked schema stays in it. Pure, browser-safe.
 */
import type Ajv from "ajv";
import type { ErrorObject } from "ajv";
import { createAjvFor } from "./ajv";
import type { SchemaDialect } from "./dialect";

const keywordHints: Record<string, string> = {
  type: "类型不对",
  enum: "取值不在允许的范围内",
  const: "取值不对",
  required: "缺少必需的内容",
  minimum: "数值太小",
  minItems: "列表项太少",
  uniqueItems: "列表中有重复项",
  format: "格式不对",
  additionalProperties: "有不允许的键",
};

/** A meta-schema error in Chinese: where (a JSON Pointer into the schema) and what. */
function metaErrorText(error: ErrorObject): string {
  const where = error.instancePath ? `“${error.instancePath}”处` : "顶层";
  const hint = keywordHints[error.keyword] ?? "不符合 JSON Schema 规范";
  const allowed = error.keyword === "enum" && Array.isArray(error.params.allowedValues) ? `（可用：${(error.params.allowedValues as unknown[]).join("、")}）` : "";
  const type = error.keyword === "type" && error.params.type ? `（应为 ${String(error.params.type)}）` : "";
  return `${where}${hint}${allowed}${type}`;
}

/** Why ajv could not compile a schema that passed its meta-schema, in Chinese. */
function compileErrorText(message: string): string {
  const ref = /can't resolve reference (\S+)/i.exec(message);
  if (ref) return `引用 ${ref[1]} 找不到对应的定义`;
  if (/pattern|regular expression|RegExp/i.test(message)) return "其中的正则表达式（pattern）无法使用";
  if (/unknown format/i.test(message)) return `使用了未知的格式：${message}`;
  return `无法编译：${message}`;
}

const checkers: Partial<Record<SchemaDialect, Ajv>> = {};

/** Bounds that no value can meet, with their words: a lower bound above the upper one. */
const BOUNDS = [
  ["minimum", "maximum", "最小值", "最大值"],
  ["exclusiveMinimum", "exclusiveMaximum", "最小值", "最大值"],
  ["minimum", "exclusiveMaximum", "最小值", "最大值"],
  ["exclusiveMinimum", "maximum", "最小值", "最大值"],
  ["minLength", "maxLength", "最少字数", "最多字数"],
  ["minItems", "maxItems", "最少行数", "最多行数"],
  ["minProperties", "maxProperties", "最少项数", "最多项数"],
] as const;

/**
 * A field whose bounds exclude every value (最小值 10, 最大值 5): valid JSON Schema, yet no one could
 * ever submit the form. Every subschema is looked at (a bound is a number, never a subschema).
 */
function impossibleBounds(schema: unknown, where = ""): string | null {
  if (Array.isArray(schema)) {
    for (const [i, item] of schema.entries()) {
      const found = impossibleBounds(item, `${where}/${i}`);
      if (found) return found;
    }
    return null;
  }
  if (!schema || typeof schema !== "object") return null;
  const s = schema as Record<string, unknown>;
  for (const [low, high, lowWords, highWords] of BOUNDS) {
    const a = s[low];
    const b = s[high];
    if (typeof a !== "number" || typeof b !== "number") continue;
    const exclusive = low.startsWith("exclusive") || high.startsWith("exclusive");
    if (exclusive ? a >= b : a > b) {
      const name = typeof s.title === "string" && s.title ? `字段“${s.title}”` : where ? `“${where}”处` : "表单";
      return `${name}的${lowWords}（${a}）${exclusive && a === b ? "不小于" : "大于"}${highWords}（${b}），任何填写都无法通过`;
    }
  }
  for (const [key, value] of Object.entries(s)) {
    if (value && typeof value === "object") {
      const found = impossibleBounds(value, `${where}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`);
      if (found) return found;
    }
  }
  return null;
}

/** Why `schema`, of `dialect`, is not a usable JSON Schema (at most three meta-schema errors, the compile error, or bounds no value meets), or null. */
export function schemaProblem(schema: Record<string, unknown>, dialect: SchemaDialect): string | null {
  const ajv = (checkers[dialect] ??= createAjvFor(dialect));
  if (!ajv.validateSchema(schema)) return (ajv.errors ?? []).slice(0, 3).map(metaErrorText).join("；");
  const bounds = impossibleBounds(schema);
  if (bounds) return bounds;
  // Compiled without its `$id` (a second check of the same id would clash), then forgotten.
  const { $id: _ignored, ...compilable } = schema;
  try {
    ajv.compile(compilable);
    return null;
  } catch (cause) {
    return compileErrorText((cause as Error).message);
  } finally {
    ajv.removeSchema(compilable);
  }
}
