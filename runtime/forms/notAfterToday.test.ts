/**
 * `x-notAfterToday`: a date (or year-month) field that names a past event (事故发生时间, 出生日期 …)
 * may not lie after today in China. One rule, in every validator the product builds for a form:
 * the server's ajv (today: the case clock's date, passed in), the browser's rjsf validator and the
 * precompiled one (today: the browser's clock, in China time).
 */
import vm from "node:vm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createAjvFor, FormValidatorCache } from "./ajv";
import { fieldErrors } from "./messages";
import { isNotAfterToday, NOT_AFTER_TODAY } from "./notAfterToday";
import { validatorScript } from "./precompile";
import { precompiledFormValidator, requireForValidators } from "./precompiledValidator";
import { VALIDATORS_GLOBAL } from "./precompiledNames";
import { formValidatorFor } from "./rjsfValidator";
import { validateFormData } from "./validate";
import { submissionProblems } from "./submissionCheck";
import type { ServiceDefinition } from "@/runtime/definition/schema";
import type { SchemaDialect } from "./dialect";

const DIALECT_URI: Record<SchemaDialect, string> = {
  "draft-07": "http://json-schema.org/draft-07/schema#",
  "2020-12": "https://json-schema.org/draft/2020-12/schema",
};

function formSchema(dialect: SchemaDialect = "draft-07") {
  return {
    $schema: DIALECT_URI[dialect],
    type: "object",
    title: "工伤认定申请表",
    properties: {
      matter: {
        type: "object",
        title: "基本情况",
        properties: {
          time: { type: "string", title: "事故发生时间", format: "date", [NOT_AFTER_TODAY]: true },
          month: { type: "string", title: "死亡时间", format: "year-month", [NOT_AFTER_TODAY]: true },
          planned: { type: "string", title: "拟开班日期", format: "date" },
        },
      },
    },
  };
}

const TODAY = "2026-12-05";

describe("the rule", () => {
  it("refuses a date or a month after today, accepts today and before", () => {
    expect(isNotAfterToday("2026-12-06", TODAY)).toBe(false);
    expect(isNotAfterToday("2027-01-15", TODAY)).toBe(false);
    expect(isNotAfterToday("2026-12-05", TODAY)).toBe(true);
    expect(isNotAfterToday("2026-12-04", TODAY)).toBe(true);
    expect(isNotAfterToday("2027-01", TODAY)).toBe(false);
    expect(isNotAfterToday("2026-12", TODAY)).toBe(true);
    expect(isNotAfterToday("2026-11", TODAY)).toBe(true);
  });

  it("leaves what is not a date to the other keywords (format, type, required)", () => {
    for (const value of ["", "明天", "2027-13-45", 20270115, null, undefined]) expect(isNotAfterToday(value, TODAY)).toBe(true);
  });
});

describe.each(["draft-07", "2020-12"] as const)("on the server (%s)", (dialect) => {
  const schema = formSchema(dialect);
  const data = (time: string, month = "2026-11") => ({ matter: { time, month, planned: "2027-03-01" } });

  it("refuses tomorrow with the field named, accepts today and yesterday (today given by the caller)", () => {
    const form = { id: "form-apply", schema };
    const cache = new FormValidatorCache();
    const tomorrow = validateFormData(form, data("2026-12-06"), { cache, today: TODAY });
    expect(tomorrow).toEqual({ ok: false, errors: [{ path: "/matter/time", message: "基本情况·事故发生时间：不能晚于今天" }] });
    expect(validateFormData(form, data("2026-12-05"), { cache, today: TODAY })).toEqual({ ok: true });
    expect(validateFormData(form, data("2026-12-04"), { cache, today: TODAY })).toEqual({ ok: true });
    // a later date planned ahead (no mark) is fine; a month after this one is not
    expect(validateFormData(form, data("2026-12-01", "2027-01"), { cache, today: TODAY })).toEqual({
      ok: false,
      errors: [{ path: "/matter/month", message: "基本情况·死亡时间：不能晚于本月" }],
    });
  });

  it("is registered in every ajv the server creates for forms", () => {
    const validate = createAjvFor(dialect).compile(schema);
    expect(validate.call({ today: TODAY }, data("2027-01-15"))).toBe(false);
    expect(fieldErrors(validate.errors, schema).map((e) => e.message)).toEqual(["基本情况·事故发生时间：不能晚于今天"]);
    expect(validate.call({ today: "2027-01-15" }, data("2027-01-15"))).toBe(true);
  });

  it("refuses a submission with a future date, in Chinese, naming form and field", () => {
    const definition = { forms: [{ id: "form-apply", title: "工伤认定申请表", schema, uiSchema: {} }], materials: [], flow: { nodes: [], edges: [] } } as unknown as ServiceDefinition;
    const problems = submissionProblems(definition, { formData: { "form-apply": data("2027-01-15") }, uploadedMaterialIds: new Set(), today: TODAY });
    expect(problems).toEqual([{ path: "forms/form-apply/matter/time", message: "《工伤认定申请表》基本情况·事故发生时间：不能晚于今天" }]);
    expect(submissionProblems(definition, { formData: { "form-apply": data(TODAY) }, uploadedMaterialIds: new Set(), today: TODAY })).toEqual([]);
  });

  it("rejects a mark that is not true or false when the schema is compiled", () => {
    const bad = { type: "object", properties: { time: { type: "string", format: "date", [NOT_AFTER_TODAY]: "yes" } } };
    expect(() => createAjvFor(dialect).compile(bad)).toThrow();
    const off = { type: "object", properties: { time: { type: "string", format: "date", [NOT_AFTER_TODAY]: false } } };
    expect(createAjvFor(dialect).compile(off).call({ today: TODAY }, { time: "2099-01-01" })).toBe(true);
  });
});

/** Runs the precompiled script as a page would (the vm stands in for the script tag). */
function loadPrecompiled(key: string, schema: Record<string, unknown>) {
  let registered: Record<string, unknown> | undefined;
  const window = { [VALIDATORS_GLOBAL]: { require: requireForValidators, define: (k: string, fns: Record<string, unknown>) => k === key && (registered = fns) } };
  vm.runInNewContext(validatorScript(key, schema), { window });
  expect(registered).toBeDefined();
  return precompiledFormValidator(registered!, schema);
}

describe.each(["draft-07", "2020-12"] as const)("in the browser (%s), on the browser's clock in China time", (dialect) => {
  // 00:30 on 5 December in China is still 4 December in UTC: today is China's date.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-04T16:30:00Z"));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const schema = formSchema(dialect);
  const data = (time: string) => ({ matter: { time } });
  const validators = {
    "the rjsf validator": () => formValidatorFor(schema),
    "the precompiled validator": () => loadPrecompiled(`future-${dialect}`, schema),
  };

  it.each(Object.keys(validators))("%s refuses tomorrow, accepts today and yesterday", (name) => {
    const validator = validators[name as keyof typeof validators]();
    const messages = (time: string) => validator.validateFormData(data(time), schema as never).errors.map((e) => e.message);
    expect(messages("2026-12-06")).toEqual(["事故发生时间：不能晚于今天"]);
    expect(messages("2027-01-15")).toEqual(["事故发生时间：不能晚于今天"]);
    expect(messages("2026-12-05")).toEqual([]);
    expect(messages("2026-12-04")).toEqual([]);
  });
});
