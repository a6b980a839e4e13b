/**
 * 证明事项告知承诺制: where the service allows it, the applicant commits instead of uploading a
 * required material; the case records it and submits without the file; the office's staff see
 * it in 事后核查 and mark it verified or breached (audited, once). Nobody commits to a material
 * the service does not allow it for, nor on another's case.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeOnDatabases, type TestDb } from "../support/testDb";
import { signedIn } from "../support/caller";
import { createSeededTestDb, exampleDefinition, publishService, VALID_ID } from "../support/fixtures";
import { requiredUploads } from "@/runtime/definition/requirements";

const definition = exampleDefinition();
definition.code = "commitments";
// 居民身份证 (m1): required, not obtained by data sharing here, may be committed to; 离职证明 (m3) may not.
Object.assign(definition.materials[0], { commitmentAllowed: true, obtainableBySharing: false });
definition.materials.push({ ...definition.materials[0], id: "m3", name: "离职证明", commitmentAllowed: undefined });
const registration = { name: "王五", idNumber: VALID_ID, phone: "13912345678", lostJobOn: "2026-11-20", reason: "单位解除", attestation: true };

describeOnDatabases("commitments instead of proofs", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createSeededTestDb(kind);
    await publishService(t.db, definition);
    expect(requiredUploads(definition).map((m) => m.id)).toEqual(["m1", "m3"]);
  }, 120_000);
  afterAll(async () => t?.cleanup());

  async function draft() {
    const applicant = await signedIn(t.db, "zhangsan");
    const { id } = await applicant.caller.applications.startDraft({ code: definition.code, officeId: "150102" });
    await applicant.caller.applications.saveDraft({ id, formData: { registration }, rowVersion: 1 });
    return { id, applicant };
  }

  it("refuses a commitment the service does not allow, and one on another's case", async () => {
    const { id, applicant } = await draft();
    await expect(applicant.caller.commitments.set({ applicationId: id, materialId: "m3", commit: true })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "“离职证明”不适用告知承诺制，请上传材料" });
    await expect(applicant.caller.commitments.set({ applicationId: id, materialId: "nope", commit: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const company = await signedIn(t.db, "company.demo");
    await expect(company.caller.commitments.set({ applicationId: id, materialId: "m1", commit: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const caseworker = await signedIn(t.db, "xincheng.caseworker");
    await expect(caseworker.caller.commitments.set({ applicationId: id, materialId: "m1", commit: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await t.db.materialCommitment.count({ where: { applicationId: id } })).toBe(0);
  });

  it("counts a commitment as the material at submission, and lists it for 事后核查 until verified", async () => {
    const { id, applicant } = await draft();
    const submit = () => applicant.caller.applications.submit({ id, idempotencyKey: `commit-${id}` });
    await expect(submit()).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("居民身份证") });
    await applicant.caller.commitments.set({ applicationId: id, materialId: "m1", commit: true });
    await applicant.caller.commitments.set({ applicationId: id, materialId: "m1", commit: true }); // twice: one row
    expect(await applicant.caller.commitments.ofCase({ applicationId: id })).toMatchObject([{ materialId: "m1", materialName: "居民身份证", status: "committed" }]);
    // Still refused for 离职证明, which must be uploaded; no longer for the ID card.
    await expect(submit()).rejects.toMatchObject({ message: expect.not.stringContaining("居民身份证") });
    await applicant.caller.commitments.set({ applicationId: id, materialId: "m1", commit: false });
    expect(await applicant.caller.commitments.ofCase({ applicationId: id })).toEqual([]);
    expect((await t.db.auditEvent.findMany({ where: { applicationId: id, action: { startsWith: "commitment." } } })).map((e) => e.action)).toEqual(["commitment.set", "commitment.withdraw"]);
  });

  it("submits with the commitment, and the office verifies or records a breach once", async () => {
    const lenient = { ...definition, code: "commitments-lenient", materials: definition.materials.filter((m) => m.id !== "m3") };
    await publishService(t.db, lenient);
    const applicant = await signedIn(t.db, "zhangsan");
    const file = async () => {
      const { id } = await applicant.caller.applications.startDraft({ code: lenient.code, officeId: "150102" });
      await applicant.caller.applications.saveDraft({ id, formData: { registration }, rowVersion: 1 });
      await applicant.caller.commitments.set({ applicationId: id, materialId: "m1", commit: true });
      await applicant.caller.applications.submit({ id, idempotencyKey: `lenient-${id}` });
      await expect(applicant.caller.commitments.set({ applicationId: id, materialId: "m1", commit: false })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
      return id;
    };
    const [good, bad] = [await file(), await file()];
    const caseworker = await signedIn(t.db, "xincheng.caseworker");
    const open = await caseworker.caller.commitments.followUps();
    expect(open.filter((r) => [good, bad].includes(r.applicationId)).map((r) => r.materialName)).toEqual(["居民身份证", "居民身份证"]);
    expect((await caseworker.caller.workbench.case({ id: good })).commitments).toMatchObject([{ materialName: "居民身份证", status: "committed" }]);
    const row = (id: string) => open.find((r) => r.applicationId === id)!;

    // Only the office's own staff: a caseworker elsewhere does not find it; an auditor may not settle.
    const tumed = await signedIn(t.db, "tumed.caseworker");
    expect((await tumed.caller.commitments.followUps()).some((r) => r.applicationId === good)).toBe(false);
    await expect(tumed.caller.commitments.settle({ commitmentId: row(good).id, outcome: "verified" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const auditor = await signedIn(t.db, "hohhot.auditor");
    await expect(auditor.caller.commitments.settle({ commitmentId: row(good).id, outcome: "verified" })).rejects.toMatchObject({ code: "FORBIDDEN" });

    await expect(caseworker.caller.commitments.settle({ commitmentId: row(bad).id, outcome: "breached" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "请填写承诺不实的核查情况" });
    await caseworker.caller.commitments.settle({ commitmentId: row(good).id, outcome: "verified", note: "经公安人口库比对属实" });
    await caseworker.caller.commitments.settle({ commitmentId: row(bad).id, outcome: "breached", note: "户籍信息与承诺不符" });
    await expect(caseworker.caller.commitments.settle({ commitmentId: row(good).id, outcome: "breached", note: "x" })).rejects.toMatchObject({ code: "CONFLICT" });

    expect((await caseworker.caller.commitments.followUps()).some((r) => [good, bad].includes(r.applicationId))).toBe(false);
    expect((await caseworker.caller.commitments.followUps({ status: "breached" })).find((r) => r.applicationId === bad)).toMatchObject({ settledBy: "新城区经办员", settledNote: "户籍信息与承诺不符" });
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "commitment.settle", applicationId: bad } });
    expect(event.payload).toMatchObject({ outcome: "breached", note: "户籍信息与承诺不符" });
  });
});
