/**
 * Linear-time regular expressions for administrator-authored schema `pattern`s (and
 * `patternProperties`): re2js, a pure-JS RE2, plugged into ajv as `code.regExp`. A pattern such as
 * `^(a+)+$` then costs time proportional to the input instead of exponential backtracking that
 * holds the whole process. JSON Schema patterns are unanchored searches, like `RegExp.test`:
 * re2js's `test` is that search. JavaScript syntax (`\u4e00`, named groups) is translated to RE2's;
 * what RE2 cannot do in linear time (lookahead, lookbehind, backreferences) does not compile, so
 * such a schema fails to compile and the definition lint refuses it.
 */
import { RE2JS } from "re2js";
import type { RegExpEngine } from "ajv/dist/types";

/** Compiles a JSON Schema `pattern` for re2js; throws on syntax RE2 does not support. */
export function compileLinear(pattern: string, flags = ""): RE2JS {
  return RE2JS.compile(RE2JS.translateRegExp(pattern), flags.includes("i") ? RE2JS.CASE_INSENSITIVE : 0);
}

/** ajv's `code.regExp`: a `{ test }` whose search runs in linear time. */
export const linearRegExp: RegExpEngine = Object.assign(
  (pattern: string, flags: string) => {
    const re = compileLinear(pattern, flags);
    return { test: (input: string) => re.test(input) };
  },
  // Only read by ajv's standalone code generation, which this project does not use.
  { code: "linearRegExp" },
);

/** Why RE2 cannot run `pattern` (a Chinese message), or null when it can. */
export function unsupportedPattern(pattern: string): string | null {
  try {
    compileLinear(pattern);
    return null;
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message.replace(/^error parsing regexp: /, "") : String(cause);
    return `格式规则（pattern）“${pattern}”不受支持（不能使用前瞻、后顾、反向引用等写法）：${detail}`;
  }
}
