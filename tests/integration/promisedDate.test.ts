/**
 * 承诺办结日期 is a promise only the guide can make: a case of a service whose guide states only a
 * legal limit (工伤认定, s074: 60 日) has a 办理期限 (its due date) and no promised date, while a
 * service with a promised limit (the example, 失业登记) has both. The 受理回执 and the pages read
 * the promised date from the case, so they no longer call a legal deadline a promise.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { serviceDefinition } from "@/runtime/definition/schema";
import { applicantForms } from "@/runtime/definition/requirements";
import { caseLimitFor, promisedLimitFor } from "@/runtime/definition/caseLimit";
import { sampleFormData } from "@/runtime/forms/sample";
import { describeOnDatabases } from "../support/testDb";
import { signedIn } from "../support/caller";
import { seededTestDbFor } from "../support/fixtures";

const template = serviceDefinition.parse(JSON.parse(readFileSync(path.join(import.meta.dirname, "../../seed/templates/s074.json"), "utf8")));
// Nothing to upload: the form alone decides.
const definition = { ...template, code: "injury-legal-limit", materials: template.materials.map((m) => ({ ...m, required: false, requiredWhen: undefined })) };
const [form] = applicantForms(definition);

describeOnDatabases("a guide without a promised limit", (kind) => {
  const t = seededTestDbFor(kind, definition);

  it("files a case with its legal due date and no promised date", async () => {
    expect(promisedLimitFor(definition.guide)).toBeNull();
    expect(caseLimitFor(definition.guide)).not.toBeNull();
    const { caller } = await signedIn(t.db, "zhangsan");
    const filed = await caller.applications.submitDirect({ code: definition.code, officeId: "150102", formData: { [form.id]: sampleFormData(form.schema) }, idempotencyKey: "legal-limit-only" });
    expect(filed.promisedDate).toBeNull();
    expect(filed.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const stored = await t.db.application.findFirstOrThrow({ where: { caseNumber: filed.caseNumber } });
    expect(stored.promisedDate).toBeNull();
    expect(stored.dueDate).toBe(filed.dueDate);
  });
});
