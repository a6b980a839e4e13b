import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import Ajv2020 from "ajv/dist/2020";
import { serviceDefinition } from "./schema";
import { contractJsonSchema } from "./jsonSchema";

const here = import.meta.dirname;
const example = JSON.parse(readFileSync(path.join(here, "example.json"), "utf8"));
const committed = JSON.parse(readFileSync(path.join(here, "contract.schema.json"), "utf8"));

describe("service-definition contract", () => {
  it("accepts the documented complete example", () => {
    const parsed = serviceDefinition.parse(example);
    expect(parsed.flow.nodes.map((n) => n.type)).toEqual(expect.arrayContaining(["start", "task", "gateway", "end"]));
  });

  it("the exported JSON Schema is up to date with the zod schema (run npm run contract:export)", () => {
    expect(committed).toEqual(contractJsonSchema());
  });

  it("the exported JSON Schema accepts the example and refuses a broken one", () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(committed);
    expect(validate(example)).toBe(true);
    const broken = structuredClone(example);
    broken.guide.legalLimit[0].unit = "week";
    expect(validate(broken)).toBe(false);
  });

  it("refuses a definition with a clear path to the bad field", () => {
    const broken = structuredClone(example);
    broken.flow.nodes[1].actions = [];
    const result = serviceDefinition.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path.join(".")).toBe("flow.nodes.1.actions");
  });
});
