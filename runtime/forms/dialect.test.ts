import { describe, expect, it } from "vitest";
import type { RJSFSchema } from "@rjsf/utils";
import { FormValidatorCache } from "./ajv";
import { schemaDialect } from "./dialect";
import { formValidatorFor } from "./rjsfValidator";
import { validatorScript } from "./precompile";

const twenty = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  type: "object",
  properties: { card: { type: "string" }, name: { type: "string" } },
  dependentRequired: { card: ["name"] },
};

describe("form schemas in draft 2020-12", () => {
  it("the dialect is what $schema says (draft-07 without one); others are not accepted", () => {
    expect(schemaDialect({})).toBe("draft-07");
    expect(schemaDialect({ $schema: "http://json-schema.org/draft-07/schema#" })).toBe("draft-07");
    expect(schemaDialect(twenty)).toBe("2020-12");
    expect(schemaDialect({ $schema: "http://json-schema.org/draft-04/schema#" })).toBeNull();
  });

  it("validate on the server, in the browser's rjsf validator and as precompiled code with 2020-12's meaning", () => {
    const validate = new FormValidatorCache().get(null, { id: "f", schema: twenty });
    expect(validate({ card: "1", name: "张三" })).toBe(true);
    expect(validate({ card: "1" })).toBe(false);
    const rjsf = formValidatorFor(twenty);
    const schema = twenty as RJSFSchema;
    expect(rjsf.isValid(schema, { card: "1" }, schema)).toBe(false);
    expect(rjsf.isValid(schema, { card: "1", name: "x" }, schema)).toBe(true);
    expect(() => validatorScript("k", twenty)).not.toThrow();
  });
});
