/**
 * The decision rule editor's model: a list of comparisons over form fields joined by "and"/"or",
 * and its JSON Logic form. Rules written by hand that do not fit the model are edited as JSON.
 */
import { isObject } from "@/runtime/definition/json";

export type ComparisonOp = "==" | "!=" | ">" | ">=" | "<" | "<=" | "in" | "contains" | "filled" | "empty";

export interface Comparison {
  /** A data path: `form.<formId>.<field>` or `applicant.<key>`. */
  variable: string;
  op: ComparisonOp;
  /** The value compared with; a list for `in`; unused for `filled` / `empty`. */
  value?: unknown;
}

export interface SimpleRule {
  combinator: "and" | "or";
  comparisons: Comparison[];
}

export const comparisonLabels: Record<ComparisonOp, string> = {
  "==": "等于",
  "!=": "不等于",
  ">": "大于",
  ">=": "大于等于",
  "<": "小于",
  "<=": "小于等于",
  in: "属于其中之一",
  contains: "包含（多选）",
  filled: "已填写",
  empty: "未填写",
};

const binary = new Set(["==", "!=", ">", ">=", "<", "<="]);

function variableOf(value: unknown): string | null {
  if (!isObject(value) || Object.keys(value).length !== 1) return null;
  const v = value.var;
  if (typeof v === "string" && v.length > 0) return v;
  return null;
}

function isLiteral(value: unknown): boolean {
  return value === null || ["string", "number", "boolean"].includes(typeof value);
}

export function comparisonToLogic(c: Comparison): Record<string, unknown> {
  const v = { var: c.variable };
  switch (c.op) {
    case "in":
      return { in: [v, Array.isArray(c.value) ? c.value : [c.value]] };
    case "contains":
      return { in: [c.value, v] };
    case "filled":
      return { "!!": [v] };
    case "empty":
      return { "!": [v] };
    default:
      return { [c.op]: [v, c.value] };
  }
}

export function ruleToLogic(rule: SimpleRule): Record<string, unknown> | boolean {
  if (rule.comparisons.length === 0) return true;
  if (rule.comparisons.length === 1) return comparisonToLogic(rule.comparisons[0]);
  return { [rule.combinator]: rule.comparisons.map(comparisonToLogic) };
}

function logicToComparison(logic: unknown): Comparison | null {
  if (!isObject(logic) || Object.keys(logic).length !== 1) return null;
  const [op, raw] = Object.entries(logic)[0];
  const args = Array.isArray(raw) ? raw : [raw];
  if (binary.has(op) && args.length === 2) {
    const variable = variableOf(args[0]);
    if (variable && isLiteral(args[1])) return { variable, op: op as ComparisonOp, value: args[1] };
    return null;
  }
  if (op === "in" && args.length === 2) {
    const variable = variableOf(args[0]);
    if (variable && Array.isArray(args[1]) && args[1].every(isLiteral)) return { variable, op: "in", value: args[1] };
    const listVariable = variableOf(args[1]);
    if (listVariable && isLiteral(args[0])) return { variable: listVariable, op: "contains", value: args[0] };
    return null;
  }
  if ((op === "!!" || op === "!") && args.length === 1) {
    const variable = variableOf(args[0]);
    return variable ? { variable, op: op === "!!" ? "filled" : "empty" } : null;
  }
  return null;
}

/** The rule editor's view of a JSON Logic condition, or null when it is beyond the editor. */
export function logicToRule(logic: unknown): SimpleRule | null {
  if (logic === true) return { combinator: "and", comparisons: [] };
  if (isObject(logic) && Object.keys(logic).length === 1) {
    const [op, args] = Object.entries(logic)[0];
    if ((op === "and" || op === "or") && Array.isArray(args)) {
      const comparisons = args.map(logicToComparison);
      return comparisons.every((c): c is Comparison => c !== null) ? { combinator: op, comparisons } : null;
    }
  }
  const single = logicToComparison(logic);
  return single ? { combinator: "and", comparisons: [single] } : null;
}

