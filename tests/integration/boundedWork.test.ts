/**
 * Issue 9, item 4: administrators cannot freeze the server. An administrator-authored pattern that
 * backtracks exponentially (`^(a+)+$` against 29 a's and a `!`), a gateway condition nesting loops,
 * and a submission of 95,000 bad list items each answer quickly and with a bounded message; the
 * definition lint refuses unbounded lists, patterns RE2 cannot run and conditions over budget.
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds, type TestDb } from "../support/testDb";
import { signedIn } from "../support/caller";
import { createSeededTestDb, exampleDefinition, publishService, VALID_ID } from "../support/fixtures";
import { lintDefinition } from "@/runtime/definition/lint";
import { MAX_FIELD_ERRORS } from "@/runtime/forms/validate";
import type { ServiceDefinition } from "@/runtime/definition/schema";

process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "hrss-files-"));

const EVIL_PATTERN = "^(a+)+$";
/** `some` over ten elements nested seven deep: ten million evaluations, seconds of json-logic-js. */
function nestedLoops(depth = 7): Record<string, unknown> {
  let rule: Record<string, unknown> = { "==": [{ var: "" }, 0] };
  for (let i = 0; i < depth; i++) rule = { some: [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], rule] };
  return { or: [rule, { "==": [{ var: "form.registration.reason" }, "单位解除"] }] };
}

/** The fields of the example's registration form. */
const fields = (d: ServiceDefinition) => d.forms[0].schema.properties as Record<string, Record<string, unknown>>;

/** The example service with `change` applied to a copy, under its own code. */
function variant(code: string, change: (d: ServiceDefinition) => void): ServiceDefinition {
  const d = exampleDefinition();
  d.code = code;
  d.materials[0].obtainableBySharing = true; // no upload needed to submit
  change(d);
  return d;
}

const registration = (extra: Record<string, unknown> = {}) => ({
  registration: { name: "王五", idNumber: VALID_ID, phone: "13912345678", lostJobOn: "2026-11-20", reason: "单位解除", attestation: true, ...extra },
});

async function timed<T>(work: Promise<T>): Promise<{ ms: number; outcome: T | Error }> {
  const started = performance.now();
  const outcome = await work.catch((e: unknown) => e as Error);
  return { ms: performance.now() - started, outcome };
}

describe.each(databaseKinds())("bounded work on %s", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createSeededTestDb(kind);
  }, 120_000);
  afterAll(async () => t?.cleanup());

  async function draft(code: string, formData: Record<string, Record<string, unknown>>) {
    const applicant = await signedIn(t.db, "zhangsan");
    const { id } = await applicant.caller.applications.startDraft({ code, officeId: "150102" });
    await applicant.caller.applications.saveDraft({ id, formData, rowVersion: 1 });
    return { applicant, id };
  }

  it("checks a backtracking pattern in linear time and refuses the value with a Chinese message", async () => {
    const code = "evil-pattern";
    await publishService(t.db, variant(code, (d) => Object.assign(fields(d).name, { pattern: EVIL_PATTERN })));
    const { applicant, id } = await draft(code, registration({ name: `${"a".repeat(29)}!` }));
    const { ms, outcome } = await timed(applicant.caller.applications.submit({ id, idempotencyKey: "evil-pattern-1" }));
    expect(outcome).toMatchObject({ code: "BAD_REQUEST" });
    expect((outcome as Error).message).toContain("姓名");
    expect(ms).toBeLessThan(3000);
    // The same pattern still accepts what it describes.
    const ok = await draft(code, registration({ name: "a".repeat(40) }));
    await expect(ok.applicant.caller.applications.submit({ id: ok.id, idempotencyKey: "evil-pattern-2" })).resolves.toMatchObject({ caseNumber: expect.any(String) });
  });

  it("reports at most 50 errors (and how many more) for a list of 95,000 bad items", async () => {
    const code = "huge-list";
    // Published before the lint asked for maxItems: the answer must stay small anyway.
    await publishService(
      t.db,
      variant(code, (d) => {
        fields(d).children = { type: "array", title: "子女", items: { type: "string", maxLength: 2 } };
      }),
    );
    // Three characters each (maxLength 2): the 95,000 items stay within the form-data bound (~512 KB) and each is still an error.
    const { applicant, id } = await draft(code, registration({ children: Array.from({ length: 95_000 }, () => "太长了") }));
    const { ms, outcome } = await timed(applicant.caller.applications.submit({ id, idempotencyKey: "huge-list-1" }));
    expect(outcome).toMatchObject({ code: "BAD_REQUEST" });
    const message = (outcome as Error).message;
    expect(message).toContain("另有约");
    expect(message.match(/子女/g)?.length).toBe(MAX_FIELD_ERRORS);
    expect(message.length).toBeLessThan(10_000);
    expect(ms).toBeLessThan(5_000);
  });

  it("stops a gateway condition that nests loops within its step budget, leaving the case where it was", async () => {
    const code = "nested-loops";
    await publishService(t.db, variant(code, (d) => (d.flow.edges.find((e) => e.id === "e6")!.condition = nestedLoops())));
    const { applicant, id } = await draft(code, registration());
    await applicant.caller.applications.submit({ id, idempotencyKey: "nested-loops-1" });
    const caseworker = await signedIn(t.db, "xincheng.caseworker");
    const item = (await caseworker.caller.workbench.inbox()).find((i) => i.applicationId === id)!;
    await caseworker.caller.workbench.claim({ taskId: item.taskId });
    const view = await caseworker.caller.workbench.case({ id });
    const { ms, outcome } = await timed(
      caseworker.caller.workbench.act({ applicationId: id, taskId: item.taskId, actionId: "accept", confirmedRisks: ["risk-0"], rowVersion: view.application.rowVersion }),
    );
    expect(outcome).toBeInstanceOf(Error);
    expect((outcome as Error).message).toContain("条件计算超过 20000 步的上限");
    expect(ms).toBeLessThan(3000);
    expect((await caseworker.caller.workbench.case({ id })).currentTask?.label).toBe(view.currentTask?.label);
  });
});

describe("the definition lint refuses what could hold the server", () => {
  const codes = (d: ServiceDefinition) => lintDefinition(d).map((p) => `${p.code}: ${p.message}`);

  it("accepts the example and every generated form's bounds", () => {
    expect(codes(exampleDefinition())).toEqual([]);
  });

  it("refuses a list without maxItems", () => {
    const d = variant("lint-check", (d) => (fields(d).children = { type: "array", title: "子女", items: { type: "string" } }));
    expect(codes(d)).toContainEqual(expect.stringContaining("FORM_SCHEMA_UNBOUNDED: 表单“失业登记表”（registration）：字段“子女”是列表，须设置最多条数（maxItems）"));
    fields(d).children.maxItems = 20;
    expect(codes(d)).toEqual([]);
  });

  it("refuses patterns RE2 cannot run in linear time, and keeps backtracking-prone ones it can", () => {
    const withPattern = (pattern: string) => variant("lint-check", (d) => Object.assign(fields(d).name, { pattern }));
    expect(codes(withPattern("^(?=.*\\d)\\w+$"))).toContainEqual(expect.stringContaining("字段“姓名”的格式规则（pattern）“^(?=.*\\d)\\w+$”不受支持"));
    expect(codes(withPattern("^(.)\\1$"))).toContainEqual(expect.stringContaining("不受支持"));
    expect(codes(withPattern(EVIL_PATTERN))).toEqual([]);
    expect(codes(withPattern("^[\\u4e00-\\u9fa5]{2,20}$"))).toEqual([]);
  });

  it("refuses a condition over its step budget, and one too large to look at", () => {
    const loops = variant("lint-check", (d) => (d.flow.edges.find((e) => e.id === "e6")!.condition = nestedLoops()));
    const started = performance.now();
    expect(codes(loops)).toContainEqual(expect.stringContaining("CONDITION_INVALID: 连线“单位解除需审核”（e6）的条件无法计算：条件计算超过 20000 步的上限"));
    expect(performance.now() - started).toBeLessThan(1000);
    let deep: Record<string, unknown> = { var: "form.registration.reason" };
    for (let i = 0; i < 40; i++) deep = { "!!": [deep] };
    const nested = variant("lint-check", (d) => (d.flow.edges.find((e) => e.id === "e6")!.condition = deep));
    expect(codes(nested)).toContainEqual(expect.stringContaining("条件嵌套过深"));
  });
});
