/**
 * Precompiled validators (for pages whose CSP forbids eval) answer as the ajv-compiling browser
 * validator does, for every seeded form: valid sample data, empty data, and wrong values —
 * including the custom formats and a pattern that would backtrack.
 */
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { readTemplates } from "@/seed/loadTemplates";
import { validatorScript } from "./precompile";
import { precompiledFormValidator, requireForValidators } from "./precompiledValidator";
import { VALIDATORS_GLOBAL } from "./precompiledNames";
import { formValidator } from "./rjsfValidator";
import { sampleFormData } from "./sample";

/** Runs the script as a page would, without eval in the page (the test's vm stands in for the script tag). */
function load(key: string, schema: Record<string, unknown>) {
  let registered: Record<string, unknown> | undefined;
  const window = { [VALIDATORS_GLOBAL]: { require: requireForValidators, define: (k: string, fns: Record<string, unknown>) => k === key && (registered = fns) } };
  vm.runInNewContext(validatorScript(key, schema), { window });
  expect(registered).toBeDefined();
  return precompiledFormValidator(registered!, schema);
}

const messages = (errors: { property?: string; message?: string }[]) => errors.map((e) => `${e.property} ${e.message}`).sort();

describe("precompiled form validators", () => {
  const forms = readTemplates().flatMap((t) => t.forms.map((f) => ({ code: t.code, form: f })));

  it.each(forms.filter((_, i) => i % 7 === 0).map(({ code, form }) => [`${code}/${form.id}`, form.schema] as const))(
    "%s answers as the ajv-compiling validator",
    (key, schema) => {
      const precompiled = load(key, schema);
      for (const data of [sampleFormData(schema), {}]) {
        const expected = formValidator.validateFormData(data, schema as never);
        const actual = precompiled.validateFormData(data, schema as never);
        expect(messages(actual.errors)).toEqual(messages(expected.errors));
      }
    },
  );

  it("checks custom formats, lengths and patterns (in linear time) with Chinese messages", () => {
    const schema = {
      type: "object",
      properties: {
        id: { type: "string", title: "公民身份号码", format: "cn-resident-id" },
        code: { type: "string", title: "代码", pattern: "^(a+)+$", maxLength: 40 },
        rows: { type: "array", title: "成员", maxItems: 2, items: { type: "string" } },
      },
    };
    const precompiled = load("custom", schema);
    const started = performance.now();
    const { errors } = precompiled.validateFormData({ id: "110105194912310021", code: `${"a".repeat(29)}!`, rows: ["a", "b", "c"] }, schema as never);
    expect(performance.now() - started).toBeLessThan(500);
    expect(messages(errors)).toEqual(messages(formValidator.validateFormData({ id: "110105194912310021", code: `${"a".repeat(29)}!`, rows: ["a", "b", "c"] }, schema as never).errors));
    expect(errors.map((e) => e.property).sort()).toEqual([".code", ".id", ".rows"]);
    expect(errors.find((e) => e.property === ".id")?.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(precompiled.validateFormData({ id: "11010519491231002X", code: "aaa", rows: ["a"] }, schema as never).errors).toEqual([]);
  });
});
