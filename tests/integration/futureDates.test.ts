/**
 * A date that names a past event may not lie after today: 工伤认定 (s074) filed with its
 * 事故发生时间 after today is refused by the server, in Chinese, naming the form and the field.
 * "Today" on the server is the case clock's date in China (HRSS_CASE_CLOCK_START, as the demo and
 * the browser tests run it): here it runs a year behind real time, so the real today lies ahead too.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it, vi } from "vitest";
import { serviceDefinition } from "@/runtime/definition/schema";
import { applicantForms } from "@/runtime/definition/requirements";
import { sampleFormData } from "@/runtime/forms/sample";
import { addDays, chinaDateOf } from "@/runtime/calendar";
import { caseNow } from "@/runtime/clock";
import { describeOnDatabases } from "../support/testDb";
import { signedIn } from "../support/caller";
import { seededTestDbFor } from "../support/fixtures";

// Before runtime/clock is loaded: the case clock runs a year behind real time.
vi.hoisted(() => {
  process.env.HRSS_CASE_CLOCK_START = new Date(Date.now() - 365 * 24 * 3600 * 1000).toISOString();
});

const template = serviceDefinition.parse(JSON.parse(readFileSync(path.join(import.meta.dirname, "../../seed/templates/s074.json"), "utf8")));
// Nothing to upload: the form alone decides.
const definition = { ...template, code: "injury-future-dates", materials: template.materials.map((m) => ({ ...m, required: false, requiredWhen: undefined })) };
const [form] = applicantForms(definition);
const filled = sampleFormData(form.schema) as { matter: Record<string, unknown> };
const withAccidentOn = (time: string) => ({ [form.id]: { ...filled, matter: { ...filled.matter, time } } });

describeOnDatabases("a 事故发生时间 after today", (kind) => {
  const t = seededTestDbFor(kind, definition);

  it("is refused at submission, on the case clock; today and yesterday are filed", async () => {
    const { caller } = await signedIn(t.db, "zhangsan");
    const today = chinaDateOf(caseNow());
    const realToday = chinaDateOf(new Date());
    expect(realToday > today).toBe(true);
    const submit = (time: string, key: string) => caller.applications.submitDirect({ code: definition.code, officeId: "150102", formData: withAccidentOn(time), idempotencyKey: key });

    for (const [time, key] of [[addDays(today, 1), "future-date-tomorrow"], [realToday, "future-date-real-today"]] as const) {
      const refusal = submit(time, key);
      await expect(refusal).rejects.toMatchObject({ code: "BAD_REQUEST" });
      await expect(refusal).rejects.toThrow("《工伤认定申请表》基本情况·事故发生时间：不能晚于今天");
    }
    expect(await t.db.application.count({ where: { service: { code: definition.code } } })).toBe(0);

    expect((await submit(today, "future-date-today")).caseNumber).toBeTruthy();
    expect((await submit(addDays(today, -1), "future-date-yesterday")).caseNumber).toBeTruthy();
  });

  it("is refused when a draft is submitted", async () => {
    const { caller } = await signedIn(t.db, "zhangsan");
    const { id } = await caller.applications.startDraft({ code: definition.code, officeId: "150102" });
    await caller.applications.saveDraft({ id, formData: withAccidentOn(addDays(chinaDateOf(caseNow()), 30)), rowVersion: 1 });
    await expect(caller.applications.submit({ id, idempotencyKey: `future-draft-${id}` })).rejects.toThrow("事故发生时间：不能晚于今天");
  });
});
