/**
 * Importing a form written elsewhere for react-jsonschema-form: its JSON Schema and uiSchema as
 * pasted text, checked before it becomes a form here. The schema's `$schema` decides the dialect
 * (draft-07, also when absent, or 2020-12) and so the ajv class it is checked with; every problem
 * is told in Chinese, saying where. Pure (no state), runs in the browser.
 */
import { schemaProblem } from "@/runtime/forms/schemaCheck";
import { schemaDialect, type SchemaDialect } from "@/runtime/forms/dialect";
import { isObjectForm } from "@/runtime/definition/lint";
import { parseJsonText } from "./jsonText";
import { isObject } from "@/runtime/definition/json";

type Json = Record<string, unknown>;

export type FormImport =
  | { ok: true; schema: Json; uiSchema: Json; dialect: SchemaDialect }
  | { ok: false; part: "schema" | "uiSchema"; message: string };

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
  const problem = schemaProblem(schema, dialect);
  if (problem) return { ok: false, part: "schema", message: `JSON Schema 无效（${dialect}）：${problem}` };
  return { ok: true, schema, uiSchema, dialect };
}
