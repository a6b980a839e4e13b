/**
 * Importing a form written elsewhere for react-jsonschema-form: its JSON Schema and uiSchema as
 * pasted text, checked before it becomes a form here. The schema's `$schema` decides the dialect
 * (draft-07, also when absent, or 2020-12) and so the ajv class it is checked with; every problem
 * is told in Chinese, saying where. Pure (no state), runs in the browser.
 */
import type { ErrorObject } from "ajv";
import { createAjvFor } from "@/runtime/forms/ajv";
import { schemaDialect, type SchemaDialect } from "@/runtime/forms/dialect";
import { isObjectForm } from "@/runtime/definition/lint";
import { parseJsonText } from "./jsonText";
import { isObject } from "@/runtime/definition/json";

type Json = Record<string, unknown>;

export type FormImport =
  | { ok: true; schema: Json; uiSchema: Json; dialect: SchemaDialect }
  | { ok: false; part: "schema" | "uiSchema"; message: string };

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
function schemaErrorText(error: ErrorObject): string {
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

/** Reads pasted schema and uiSchema text (the uiSchema may be left empty) as a form to import. */
export function importFormText(schemaText: string, uiText: string): FormImport {
  const parsedSchema = parseJsonText(schemaText);
  if (!parsedSchema.ok) return { ok: false, part: "schema", message: `JSON Schema：${parsedSchema.message}` };
  const schema = parsedSchema.value;
  if (!isObject(schema)) return { ok: false, part: "schema", message: "JSON Schema 应为 JSON 对象（以 { 开头）" };
  let uiSchema: Json = {};
  if (uiText.trim() !== "") {
    const parsedUi = parseJsonText(uiText);
    if (!parsedUi.ok) return { ok: false, part: "uiSchema", message: `uiSchema：${parsedUi.message}` };
    if (!isObject(parsedUi.value)) return { ok: false, part: "uiSchema", message: "uiSchema 应为 JSON 对象（以 { 开头）" };
    uiSchema = parsedUi.value;
  }
  const dialect = schemaDialect(schema);
  if (!dialect) return { ok: false, part: "schema", message: `不支持的 JSON Schema 版本“${String(schema.$schema)}”：请使用 draft-07 或 2020-12` };
  if (!isObjectForm(schema)) return { ok: false, part: "schema", message: "表单的 JSON Schema 顶层应为对象：写明 \"type\": \"object\"，或给出 properties" };
  const ajv = createAjvFor(dialect);
  if (!ajv.validateSchema(schema)) {
    const errors = (ajv.errors ?? []).slice(0, 3).map(schemaErrorText);
    return { ok: false, part: "schema", message: `JSON Schema 无效（${dialect}）：${errors.join("；")}` };
  }
  const { $id: _ignored, ...compilable } = schema;
  try {
    ajv.compile(compilable);
  } catch (cause) {
    return { ok: false, part: "schema", message: `JSON Schema 无效（${dialect}）：${compileErrorText((cause as Error).message)}` };
  }
  return { ok: true, schema, uiSchema, dialect };
}
