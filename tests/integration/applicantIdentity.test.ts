/**
 * The identity an application form starts from and what a filing keeps of it: the applicant's
 * case detail carries the account's identity (for the editor's prefill), and a filing whose typed
 * resident ID is not the account's is filed, with the flag kept in its audit event for staff.
 */
import { describe, expect, it } from "vitest";
import { readTemplates } from "@/seed/loadTemplates";
import { applicantForms, requiredUploads } from "@/runtime/definition/requirements";
import { sampleFormData } from "@/runtime/forms/sample";
import { FILING_SELF, prefillIdentity } from "@/runtime/forms/identity";
import { residentIdCheckChar } from "@/runtime/forms/formats";
import { caseTimeline } from "@/runtime/features/cases/timeline";
import { databaseKinds } from "../support/testDb";
import { signedIn } from "../support/caller";
import { seededTestDbFor } from "../support/fixtures";

/** A seeded service with a generated form (identity blocks) and nothing to upload, that a banner office runs. */
const definition = readTemplates().find(
  (d) =>
    applicantForms(d).some((f) => f.generated && JSON.stringify(f.schema).includes("filingMode")) &&
    requiredUploads(d, {}).length === 0 &&
    (d.guide.levels.length === 0 || d.guide.levels.includes("banner")),
)!;
const form = applicantForms(definition).find((f) => f.generated)!;
const ZHANGSAN = { kind: "person" as const, name: "张三", idNumber: "150102199003071237", organisationName: null, creditCode: null, phone: "13800471234" };
const otherId = "15010219600101002" + residentIdCheckChar("15010219600101002");

describe.each(databaseKinds())("applicant identity on %s", (kind) => {
  const t = seededTestDbFor(kind, definition);

  it("gives the editor the account's identity to prefill from", async () => {
    const { caller } = await signedIn(t.db, "zhangsan");
    const { id } = await caller.applications.startDraft({ code: definition.code, officeId: "150102" });
    const detail = await caller.applications.get({ id });
    expect(detail.account).toEqual(ZHANGSAN);
    const company = await signedIn(t.db, "company.demo");
    const draft = await company.caller.applications.startDraft({ code: definition.code, officeId: "150102" });
    expect((await company.caller.applications.get({ id: draft.id })).account).toMatchObject({ kind: "organisation", organisationName: "呼和浩特示例科技有限公司", creditCode: "91150100MA0N000013" });
  });

  it("files a form whose ID is not the account's, and keeps the flag with the filing", async () => {
    const { caller } = await signedIn(t.db, "zhangsan");
    const filled = prefillIdentity(form.schema, sampleFormData(form.schema), ZHANGSAN);
    const own = { ...filled, filingMode: FILING_SELF, applicant: { ...(filled.applicant as object), kind: "个人", idNumber: ZHANGSAN.idNumber } };
    const other = { ...own, applicant: { ...own.applicant, idNumber: otherId } };

    const clean = await caller.applications.submitDirect({ code: definition.code, officeId: "150102", formData: { [form.id]: own }, idempotencyKey: "identity-own-0001" });
    const flagged = await caller.applications.submitDirect({ code: definition.code, officeId: "150102", formData: { [form.id]: other }, idempotencyKey: "identity-other-001" });
    const payloadOf = async (caseNumber: string) => {
      const application = await t.db.application.findFirstOrThrow({ where: { caseNumber } });
      const event = await t.db.auditEvent.findFirstOrThrow({ where: { entityId: application.id, action: "submit" } });
      return (typeof event.payload === "string" ? JSON.parse(event.payload) : event.payload) as Record<string, unknown>;
    };
    expect((await payloadOf(clean.caseNumber)).identityFlags).toBeUndefined();
    const flags = (await payloadOf(flagged.caseNumber)).identityFlags as string[];
    expect(flags).toHaveLength(1);
    // worded for the staff who read it (not 「您」, as the editor tells the applicant)
    expect(flags[0]).toBe(`《${form.title}》“申请人信息”中的公民身份号码与提交人账号登记的身份证号不一致，且申请方式为“本人申请”`);
    // staff read it in the case's timeline; the applicant's own timeline does not repeat it
    const application = await t.db.application.findFirstOrThrow({ where: { caseNumber: flagged.caseNumber } });
    const staff = await caseTimeline(t.db, application.id, { includeInternal: true });
    expect(staff.find((e) => e.action === "submit")?.items).toEqual(flags);
    const applicants = await caseTimeline(t.db, application.id, { includeInternal: false });
    expect(applicants.find((e) => e.action === "submit")?.items).toEqual([]);
  });
});
