/**
 * Decisions with outcomes and the documents they issue, on the seeded 工伤认定 template: the
 * decision step 作出决定 needs one of its outcomes (认定工伤 / 不予认定工伤) and, for 不予认定工伤,
 * its reason; the outcome is on the case and its timeline; each document issued has a unique
 * number and a verification code whose public check shows number, title, date and issuer only;
 * forged or unknown codes find nothing; the applicant reads the decision document, another
 * applicant does not, and staff opinions on internal steps stay hidden.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { describeOnDatabases } from "../support/testDb";
import { callerFor, newBrowser, signedIn } from "../support/caller";
import { seededTestDbFor } from "../support/fixtures";
import { serviceDefinition } from "@/runtime/definition/schema";
import { verifyDocument } from "@/runtime/features/documents/read";
import { applicantForms } from "@/runtime/definition/requirements";
import { sampleFormData } from "@/runtime/forms/sample";

const template = serviceDefinition.parse(JSON.parse(readFileSync(path.join(import.meta.dirname, "../../seed/templates/s074.json"), "utf8")));
const definition = { ...template, code: "injury-decision", materials: template.materials.map((m) => ({ ...m, required: false })) };
/** 《工伤认定申请表》 (generated from the guide) filled as an applicant would. */
const filledForms = Object.fromEntries(applicantForms(definition).map((f) => [f.id, sampleFormData(f.schema)]));
const INTERNAL = "内部意见：用人单位此前有类似申报，需重点核对";
const REASON = "经调查核实，受伤害时不属于工作时间和工作场所内因工作原因受到事故伤害的情形";

describeOnDatabases("decisions with outcomes and issued documents", (kind) => {
  const t = seededTestDbFor(kind, definition);

  /** Files a case and takes it to 作出决定 (受理 with an internal opinion, 调查核实). */
  async function atDecision() {
    const applicant = await signedIn(t.db, "zhangsan");
    const { caseNumber } = await applicant.caller.applications.submitDirect({
      code: definition.code,
      officeId: "150102",
      formData: filledForms,
      idempotencyKey: `decision-${Date.now()}-${Math.random()}`,
    });
    const { id } = await t.db.application.findUniqueOrThrow({ where: { caseNumber } });
    const caseworker = await signedIn(t.db, "xincheng.caseworker");
    // 调查核实 (工伤认定's 审核) is a second caseworker's: the one who accepted may not (不相容岗位分离).
    const second = await signedIn(t.db, "xincheng.caseworker2");
    for (const [by, label, actionId, comment] of [[caseworker, "申请受理", "apply-2-approve", INTERNAL], [second, "调查核实", "review-approve", undefined]] as const) {
      const view = await by.caller.workbench.case({ id });
      expect(view.currentTask?.label).toBe(label);
      expect(view.currentTask?.outcomes).toEqual([]);
      const input = { applicationId: id, taskId: view.currentTask!.taskId, actionId, comment, rowVersion: view.application.rowVersion };
      if (by === second) await expect(caseworker.caller.workbench.act(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await by.caller.workbench.act(input);
    }
    const view = await caseworker.caller.workbench.case({ id });
    expect(view.currentTask?.label).toBe("作出决定");
    return { id, applicant, caseworker, view };
  }

  it("requires an outcome at the decision step, and a reason for 不予认定工伤", async () => {
    const { id, caseworker, view } = await atDecision();
    expect(view.currentTask!.outcomes.map((o) => [o.label, o.reasonRequired, o.documentTitle])).toEqual([
      ["认定工伤", false, "认定工伤决定书"],
      ["不予认定工伤", true, "不予认定工伤决定书"],
    ]);
    const base = { applicationId: id, taskId: view.currentTask!.taskId, actionId: "approve-approve", rowVersion: view.application.rowVersion };
    await expect(caseworker.caller.workbench.act(base)).rejects.toMatchObject({ code: "BAD_REQUEST", message: "环节“作出决定”须选择决定结果（认定工伤 / 不予认定工伤）" });
    await expect(caseworker.caller.workbench.act({ ...base, outcomeId: "forged" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "环节“作出决定”没有“forged”这一决定结果" });
    await expect(caseworker.caller.workbench.act({ ...base, outcomeId: "denied", comment: "  " })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "决定“不予认定工伤”须说明理由" });
    // Nothing was recorded or issued by the refused attempts.
    expect(await t.db.issuedDocument.count({ where: { applicationId: id, kind: { startsWith: "outcome-" } } })).toBe(0);
    expect((await caseworker.caller.workbench.case({ id })).decision).toBeNull();
  });

  it("records 不予认定工伤 on the case and its timeline, issues its document with a unique number and verifiable code", async () => {
    const { id, applicant, caseworker, view } = await atDecision();
    await caseworker.caller.workbench.act({ applicationId: id, taskId: view.currentTask!.taskId, actionId: "approve-approve", outcomeId: "denied", comment: REASON, rowVersion: view.application.rowVersion });

    const staffView = await caseworker.caller.workbench.case({ id });
    expect(staffView.decision).toMatchObject({ outcomeId: "denied", label: "不予认定工伤", favourable: false, reason: REASON, documentTitle: "不予认定工伤决定书" });
    expect(staffView.timeline.map((e) => e.label)).toContain("完成：不予认定工伤");
    expect(staffView.documents.map((d) => d.title)).toEqual(["受理通知书", "不予认定工伤决定书"]);

    // The applicant sees the decision, its reason and the documents; not the internal opinion on 受理.
    const mine = await applicant.caller.applications.get({ id });
    expect(mine.decision).toMatchObject({ label: "不予认定工伤", reason: REASON });
    const decided = mine.timeline.find((e) => e.label === "完成：不予认定工伤");
    expect(decided?.comment).toBe(REASON);
    expect(JSON.stringify(mine.timeline)).not.toContain(INTERNAL);
    expect(mine.timeline.map((e) => e.label)).toEqual(expect.arrayContaining([expect.stringMatching(/^出具《不予认定工伤决定书》（150102人社决〔\d{4}〕\d{5}号）$/)]));

    const issued = mine.documents.find((d) => d.title === "不予认定工伤决定书")!;
    const doc = await applicant.caller.documents.get({ id: issued.id });
    expect(doc.paragraphs.join("")).toContain(`经审查，${REASON}。根据有关规定，本机构决定：不予认定工伤。`);
    expect(doc.paragraphs.join("")).not.toContain(INTERNAL);
    expect(doc.rightsNotice).toBe("如对本决定不服，可以自收到本决定书之日起六十日内依法申请行政复议，或者自收到本决定书之日起六个月内依法向人民法院提起行政诉讼。");
    expect(doc.office).toMatchObject({ name: "新城区", authority: "新城区人力资源和社会保障局", hotline: "12333" });
    // Staff of the office read it too; another applicant does not learn it exists.
    expect((await caseworker.caller.documents.get({ id: issued.id })).number).toBe(issued.number);
    const other = await signedIn(t.db, "company.demo");
    await expect(other.caller.documents.get({ id: issued.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    // The public check: number, title, date, issuer — nothing about the applicant or the reason.
    const row = await t.db.issuedDocument.findUniqueOrThrow({ where: { id: issued.id } });
    const check = await other.caller.documents.verify({ code: doc.verificationCode });
    expect(check).toEqual({ number: issued.number, title: "不予认定工伤决定书", issuedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), issuer: "新城区人力资源和社会保障局" });
    expect(JSON.stringify(check)).not.toMatch(/张三|zhangsan|经调查/);
    expect(await verifyDocument(t.db, row.verificationCode.toLowerCase())).toEqual(check);
  });

  it("gives every document its own number, and finds nothing for forged or unknown codes", async () => {
    const { id, caseworker, view } = await atDecision();
    await caseworker.caller.workbench.act({ applicationId: id, taskId: view.currentTask!.taskId, actionId: "approve-approve", outcomeId: "granted", rowVersion: view.application.rowVersion });
    const granted = (await caseworker.caller.workbench.case({ id })).documents.find((d) => d.title === "认定工伤决定书");
    expect(granted).toBeDefined();

    const all = await t.db.issuedDocument.findMany();
    expect(new Set(all.map((d) => d.number)).size).toBe(all.length);
    expect(new Set(all.map((d) => d.verificationCode)).size).toBe(all.length);
    // The number is unique in the database too, not just by the counter.
    const row = all.find((d) => d.id === granted!.id)!;
    await expect(t.db.issuedDocument.create({ data: { ...row, id: "copy", verificationCode: "2222333344445555", facts: {} } })).rejects.toThrow();

    // Anyone may check, signed in or not.
    const anonymous = await callerFor(t.db, newBrowser());
    expect(await anonymous.documents.verify({ code: row.verificationCode })).toMatchObject({ number: row.number, title: "认定工伤决定书" });
    const forged = row.verificationCode.slice(0, 15) + (row.verificationCode.endsWith("Z") ? "Y" : "Z");
    for (const code of [forged, "2222-3333-4444-5555", "' OR 1=1 --", "", row.number]) {
      expect(await anonymous.documents.verify({ code })).toBeNull();
    }
  });

  it("issues the 一次性告知书 listing each item, and the 不予受理通知书 with its reason and rights notice", async () => {
    const applicant = await signedIn(t.db, "zhangsan");
    const { caseNumber } = await applicant.caller.applications.submitDirect({ code: definition.code, officeId: "150102", formData: filledForms, idempotencyKey: `notice-${Date.now()}` });
    const { id } = await t.db.application.findUniqueOrThrow({ where: { caseNumber } });
    const caseworker = await signedIn(t.db, "xincheng.caseworker");
    let view = await caseworker.caller.workbench.case({ id });
    const items = ["劳动合同或者工资支付记录等劳动关系证明", "初诊诊断证明原件"];
    await caseworker.caller.workbench.act({ applicationId: id, taskId: view.currentTask!.taskId, actionId: "apply-2-correction", comment: "请补正", correctionItems: items, rowVersion: view.application.rowVersion });
    const notice = (await applicant.caller.applications.get({ id })).documents.find((d) => d.title === "补正材料通知书（一次性告知书）");
    const correction = await applicant.caller.documents.get({ id: notice!.id });
    expect(correction.paragraphs).toEqual(expect.arrayContaining([`1. ${items[0]}`, `2. ${items[1]}`]));
    expect(correction.rightsNotice).toBeNull();

    const mine = await applicant.caller.applications.get({ id });
    await applicant.caller.applications.answerCorrection({ id, formData: filledForms, rowVersion: mine.application.rowVersion });
    view = await caseworker.caller.workbench.case({ id });
    expect(view.currentTask?.label).toBe("申请受理");
    await caseworker.caller.workbench.act({ applicationId: id, taskId: view.currentTask!.taskId, actionId: "apply-2-reject", comment: "申请人不是本统筹地区参保职工", rowVersion: view.application.rowVersion });
    const refusal = (await applicant.caller.applications.get({ id })).documents.find((d) => d.title === "不予受理通知书");
    const letter = await applicant.caller.documents.get({ id: refusal!.id });
    expect(letter.paragraphs.join("")).toContain("经审查，申请人不是本统筹地区参保职工。根据有关规定，本机构决定不予受理。");
    expect(letter.rightsNotice).toContain("六十日内依法申请行政复议");
    expect(letter.number).toMatch(/^150102人社不受〔\d{4}〕\d{5}号$/);
  });
});
