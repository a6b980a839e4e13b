/**
 * Bounds a form schema must carry before it is published: every array a `maxItems` (an unbounded
 * list lets one submission make ajv report tens of thousands of errors), and every `pattern` /
 * `patternProperties` key one the linear-time engine can run (linearRegExp.ts). Pure; the
 * definition lint reports each problem against the form.
 */
import { unsupportedPattern } from "./linearRegExp";
import { isObject } from "@/runtime/definition/json";

/** Bounds generated forms carry (seed builders, the designer's palette). */
export const FIELD_BOUNDS = {
  /** a one-line text, a name, a code */
  text: 200,
  /** a multi-line text or an address */
  textarea: 2000,
  /** rows of a table (家庭成员, 工作经历 …) */
  rows: 50,
} as const;

/** Keywords whose value is one subschema, a list of them, or a map of them. */
const ONE = ["items", "additionalItems", "additionalProperties", "contains", "propertyNames", "not", "if", "then", "else"];
const LIST = ["items", "allOf", "anyOf", "oneOf"];
const MAP = ["properties", "patternProperties", "definitions", "$defs", "dependencies"];

function label(key: string, schema: Record<string, unknown>): string {
  return typeof schema.title === "string" && schema.title ? `“${schema.title}”` : key ? `“${key}”` : "（顶层）";
}

const isArrayType = (type: unknown) => type === "array" || (Array.isArray(type) && type.includes("array"));

/** Each problem as a Chinese sentence naming the field, e.g. `字段“家庭成员”是列表，须设置最多条数（maxItems）`. */
export function schemaBoundProblems(schema: unknown): string[] {
  const out: string[] = [];
  const seen = new Set<object>();
  const visit = (node: unknown, key: string) => {
    if (!isObject(node) || seen.has(node)) return;
    seen.add(node);
    if (isArrayType(node.type) && typeof node.maxItems !== "number") {
      out.push(`字段${label(key, node)}是列表，须设置最多条数（maxItems）`);
    }
    if (typeof node.pattern === "string") {
      const problem = unsupportedPattern(node.pattern);
      if (problem) out.push(`字段${label(key, node)}的${problem}`);
    }
    for (const name of ONE) if (isObject(node[name])) visit(node[name], key);
    for (const name of LIST) if (Array.isArray(node[name])) (node[name] as unknown[]).forEach((child) => visit(child, key));
    for (const name of MAP) {
      if (!isObject(node[name])) continue;
      for (const [childKey, child] of Object.entries(node[name])) {
        if (name === "patternProperties") {
          const problem = unsupportedPattern(childKey);
          if (problem) out.push(`字段${label(key, node)}的属性名${problem}`);
        }
        visit(child, name === "properties" ? childKey : key);
      }
    }
  };
  visit(schema, "");
  return out;
}
