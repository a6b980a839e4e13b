import { describe, expect, it } from "vitest";
import { seededTemplates } from "@/tests/support/seededTemplates";
import type { Guide } from "@/runtime/definition/schema";
import { caseLimitFor, promisedLimitFor } from "./caseLimit";

const byCode = new Map(seededTemplates().map((t) => [t.code, t]));
const limitOf = (code: string) => caseLimitFor(byCode.get(code)!.guide, "online");

describe("the limit a case runs under", () => {
  it("takes a single promised limit as it is (s056: 10个工作日; s001: 即时办结)", () => {
    expect(limitOf("s056")).toEqual({ days: 10, unit: "workday" });
    expect(limitOf("s001")).toEqual({ days: 0, unit: "workday" });
  });

  it("adds up the stages of a staged process (s118 灵活就业社会保险补贴: 5+7+10+7+5+5+10+10 个工作日)", () => {
    expect(limitOf("s118")).toEqual({ days: 59, unit: "workday" });
  });

  it("leaves out what applies only when the application fails (s109: 7+3+5, not the 5 days to notify a refusal)", () => {
    expect(limitOf("s109")).toEqual({ days: 15, unit: "workday" });
  });

  it("counts a notice period given in days inside a workday stage once (s117: 5+2+3 个工作日)", () => {
    expect(limitOf("s117")).toEqual({ days: 10, unit: "workday" });
  });
});

describe("promisedLimitFor", () => {
  it("is the guide's promise only: a guide with only a legal limit promises nothing, though its cases run under that limit", () => {
    const legalOnly = { promisedLimit: [], legalLimit: [{ text: "60 日内作出决定", days: 60, unit: "day", channel: null }] } as unknown as Guide;
    expect(promisedLimitFor(legalOnly)).toBeNull();
    expect(caseLimitFor(legalOnly)).toEqual({ days: 60, unit: "day" });
    const promised = { promisedLimit: [{ text: "3 个工作日", days: 3, unit: "workday", channel: null }], legalLimit: [] } as unknown as Guide;
    expect(promisedLimitFor(promised)).toEqual({ days: 3, unit: "workday" });
  });
});
