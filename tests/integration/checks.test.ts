/**
 * 校验与共享 on both databases, against the simulator over real HTTP: the platform's own-data
 * connectors (a second case of the same service is a duplicate; a material from an earlier case
 * is reused only with the applicant's consent), a failed mandatory check holding back 受理 until
 * it is overridden with a reason (audited, shown at the next step), and the HTTP adapter's
 * timeout, malformed answers, retries and circuit breaker.
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { loadSessionUser } from "@/runtime/auth/session";
import { storeUpload } from "@/runtime/features/applications/uploads";
import { resetBreakers } from "@/runtime/connectors/http";
import type { ConnectorBindings, ServiceDefinition } from "@/runtime/definition/schema";
import { startSimulator, type Simulator } from "@/scripts/simulator/server";
import { describeOnDatabases, type TestDb } from "../support/testDb";
import { signedIn } from "../support/caller";
import { createSeededTestDb, exampleDefinition, publishService, PNG_BYTES, VALID_ID } from "../support/fixtures";

process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "hrss-checks-files-"));
const registration = { name: "张三", idNumber: VALID_ID, phone: "13912345678", lostJobOn: "2026-11-20", reason: "单位解除", attestation: true };

function service(code: string, preChecks: ServiceDefinition["guide"]["preChecks"], bindings: Partial<ConnectorBindings>): ServiceDefinition {
  const definition = exampleDefinition();
  definition.code = code;
  definition.guide.preChecks = preChecks;
  definition.guide.dataSharing = [{ need: "社保保障卡账号", method: "接口调用", provider: "社会保障卡系统" }];
  definition.connectors = { preChecks: [], dataSharing: [], materials: [], ...bindings };
  return definition;
}

const ARREARS = "是否存在账户欠费";
const DUPLICATE = "是否重复申领";
const withArrears = service("checked-arrears", [{ check: ARREARS, who: "个人", mandatory: true }], {
  preChecks: [{ check: ARREARS, connector: "taxContributions", fact: "noArrears" }],
  dataSharing: [{ need: "社保保障卡账号", connector: "ssCard" }],
});
const withDuplicate = service("checked-duplicate", [{ check: DUPLICATE, who: "个人", mandatory: true }], {
  preChecks: [{ check: DUPLICATE, connector: "platformCases", fact: "noDuplicateCase" }],
});
const withReuse = service("checked-reuse", [], { materials: [{ materialId: "m1", connector: "platformMaterials" }] });

describeOnDatabases("checks and shared data through connectors", (kind) => {
  let t: TestDb;
  let simulator: Simulator;
  beforeAll(async () => {
    t = await createSeededTestDb(kind);
    for (const d of [withArrears, withDuplicate, withReuse]) await publishService(t.db, d);
    simulator = await startSimulator();
    Object.assign(process.env, {
      CONNECTOR_BASE_URL: simulator.url,
      CONNECTOR_TIMEOUT_MS: "300",
      CONNECTOR_RETRIES: "1",
      CONNECTOR_BREAKER_FAILURES: "3",
      CONNECTOR_BREAKER_OPEN_MS: "60000",
    });
  }, 120_000);
  afterAll(async () => {
    await simulator?.close();
    await t?.cleanup();
  });
  beforeEach(async () => {
    resetBreakers();
    await fetch(`${simulator.url}/__control/reset`, { method: "POST" });
  });

  async function fileCase(code: string) {
    const applicant = await signedIn(t.db, "zhangsan");
    const { caseNumber } = await applicant.caller.applications.submitDirect({
      code,
      officeId: "150102",
      formData: { registration },
      idempotencyKey: `checks-${Date.now()}-${Math.random()}`,
    });
    const { id } = await t.db.application.findUniqueOrThrow({ where: { caseNumber } });
    return { id, caseNumber: caseNumber!, applicant };
  }

  async function claimed(id: string, username = "xincheng.caseworker") {
    const caseworker = await signedIn(t.db, username);
    let view = await caseworker.caller.workbench.case({ id });
    await caseworker.caller.workbench.claim({ taskId: view.currentTask!.taskId });
    view = await caseworker.caller.workbench.case({ id });
    return { caseworker, view };
  }

  const simulatorCalls = async (connector: string) =>
    ((await (await fetch(`${simulator.url}/__control`)).json()) as { calls: { connector: string }[] }).calls.filter((c) => c.connector === connector).length;

  it("a failed mandatory check (欠费) holds back 受理 until a caseworker overrides it with a reason; the override is audited and shown at the next step", async () => {
    const { id } = await fileCase(withArrears.code);
    const { caseworker, view } = await claimed(id);
    expect(view.checks.items.map((i) => [i.kind, i.item, i.result])).toEqual([
      ["preCheck", ARREARS, null],
      ["sharing", "社保保障卡账号", null],
    ]);
    expect(await caseworker.caller.checks.run({ applicationId: id })).toEqual({ asked: 2 });
    const after = await caseworker.caller.workbench.case({ id });
    const arrears = after.checks.items.find((i) => i.item === ARREARS)!.result!;
    expect(arrears).toMatchObject({ status: "failed", source: "system", system: "税务（社会保险费征缴）", actorName: "新城区经办员" });
    expect(arrears.answer.detail).toMatch(/欠缴基本养老保险费 3 个月/);
    // 社保卡系统 filled the card number.
    expect(after.checks.items.find((i) => i.item === "社保保障卡账号")!.result).toMatchObject({ status: "fetched", answer: { record: { cardNumber: "150102D15600003X" } } });
    expect(after.checks.blocking).toEqual([ARREARS]);

    const accept = () => caseworker.caller.workbench.act({ applicationId: id, taskId: after.currentTask!.taskId, actionId: "accept", confirmedRisks: after.currentTask!.riskChecklist.map((r) => r.key), rowVersion: after.application.rowVersion });
    await expect(accept()).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringContaining(ARREARS) });
    // A system's answer is not replaced by a hand check; only overridden, with a reason.
    await expect(caseworker.caller.checks.manual({ applicationId: id, kind: "preCheck", item: ARREARS, passed: true, note: "看过了" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caseworker.caller.checks.override({ applicationId: id, item: ARREARS, reason: "  " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // Running again asks nothing: the answers stand.
    expect(await caseworker.caller.checks.run({ applicationId: id })).toEqual({ asked: 0 });

    const reason = "申请人已于窗口补缴欠费，出具缴费凭证（税票号 2026-0931）";
    await caseworker.caller.checks.override({ applicationId: id, item: ARREARS, reason });
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { applicationId: id, action: "check.override" } });
    const actor = await t.db.user.findUniqueOrThrow({ where: { username: "xincheng.caseworker" } });
    expect(event).toMatchObject({ actorId: actor.id, actorRole: "caseworker", organisationId: "150102" });
    expect(event.payload).toMatchObject({ item: ARREARS, reason, connector: "taxContributions" });
    await accept();

    // The next step (审核) shows the override with who and why; the timeline tells which system answered what.
    const reviewer = await signedIn(t.db, "xincheng.caseworker2");
    const next = await reviewer.caller.workbench.case({ id });
    expect(next.currentTask?.label).toBe("审核");
    expect(next.checks.results.find((r) => r.item === ARREARS)).toMatchObject({ status: "overridden", source: "override", reason, actorName: "新城区经办员" });
    const labels = next.timeline.map((e) => e.label);
    expect(labels).toEqual(expect.arrayContaining(["前置校验：税务（社会保险费征缴）答复", "越过前置校验：" + ARREARS, "共享获取：社保保障卡账号（社保卡系统）已获取"]));
    expect(next.timeline.find((e) => e.action === "check.run")!.items[0]).toMatch(/^是否存在账户欠费（强制）：未通过（2026年7月/);
    // The applicant's own view does not show the office's checks.
    const applicantView = await (await signedIn(t.db, "zhangsan")).caller.applications.get({ id });
    expect(JSON.stringify(applicantView)).not.toContain("前置校验");
  });

  it("重复申领: a second open case of the same service for the same person fails the platform's own check", async () => {
    const first = await fileCase(withDuplicate.code);
    const one = await claimed(first.id);
    await one.caseworker.caller.checks.run({ applicationId: first.id });
    expect((await one.caseworker.caller.workbench.case({ id: first.id })).checks.items[0].result).toMatchObject({ status: "passed", system: "本平台：重复申领/重复发放" });

    const second = await fileCase(withDuplicate.code);
    const two = await claimed(second.id);
    await two.caseworker.caller.checks.run({ applicationId: second.id });
    const result = (await two.caseworker.caller.workbench.case({ id: second.id })).checks.items[0].result!;
    expect(result.status).toBe("failed");
    expect(result.answer.detail).toContain(first.caseNumber);
    // A withdrawn or refused case would not count; the first one runs, so the second is the duplicate only.
    expect(await t.db.caseCheck.count({ where: { applicationId: first.id, status: "failed" } })).toBe(0);
  });

  it("a material from an earlier case is reused only with the applicant's consent, and the caseworker sees where it came from", async () => {
    const applicant = await signedIn(t.db, "zhangsan");
    const zhangsan = await loadSessionUser(t.db, (await t.db.user.findUniqueOrThrow({ where: { username: "zhangsan" } })).id);
    const { id: earlierId } = await applicant.caller.applications.startDraft({ code: withReuse.code, officeId: "150102" });
    await applicant.caller.applications.saveDraft({ id: earlierId, formData: { registration }, rowVersion: 1 });
    const upload = await storeUpload(t.db, zhangsan!, { applicationId: earlierId, materialId: "m1", fileName: "身份证.png", bytes: PNG_BYTES });
    await applicant.caller.applications.submit({ id: earlierId, idempotencyKey: `reuse-earlier-${kind}` });
    const earlier = await t.db.application.findUniqueOrThrow({ where: { id: earlierId } });

    // Without consent: found, not reused.
    const plain = await fileCase(withReuse.code);
    const one = await claimed(plain.id);
    await one.caseworker.caller.checks.run({ applicationId: plain.id });
    expect((await one.caseworker.caller.workbench.case({ id: plain.id })).checks.items[0].result).toMatchObject({ status: "noConsent" });
    expect(await t.db.attachment.count({ where: { applicationId: plain.id } })).toBe(0);

    // With consent: the applicant sees the earlier case and agrees; 受理 reuses the file.
    const agreed = await fileCase(withReuse.code);
    const offer = await applicant.caller.checks.sharedMaterials({ applicationId: agreed.id });
    expect(offer).toEqual([expect.objectContaining({ materialId: "m1", connector: "platformMaterials", earlierCase: earlier.caseNumber, earlierFiles: ["身份证.png"], consented: false })]);
    await applicant.caller.checks.consent({ applicationId: agreed.id, materialId: "m1" });
    // Another applicant cannot consent for this case.
    await expect((await signedIn(t.db, "company.demo")).caller.checks.consent({ applicationId: agreed.id, materialId: "m1" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const two = await claimed(agreed.id);
    await two.caseworker.caller.checks.run({ applicationId: agreed.id });
    const view = await two.caseworker.caller.workbench.case({ id: agreed.id });
    expect(view.checks.items[0].result).toMatchObject({ kind: "material", status: "reused", answer: { fromCase: earlier.caseNumber, fileNames: ["身份证.png"] } });
    const copies = await t.db.attachment.findMany({ where: { applicationId: agreed.id } });
    const original = await t.db.attachment.findUniqueOrThrow({ where: { id: upload.id } });
    expect(copies).toEqual([expect.objectContaining({ materialId: "m1", sha256: original.sha256, storageKey: original.storageKey, fileName: "身份证.png" })]);
    expect(copies[0].id).not.toBe(original.id);
    expect(view.attachments.map((a) => a.fileName)).toEqual(["身份证.png"]);
    expect(await t.db.auditEvent.count({ where: { applicationId: agreed.id, action: "material.reuse" } })).toBe(1);
  });

  it("an unavailable system (slow, failing, malformed) offers the manual check; repeated failures open the circuit, which then refuses without calling", async () => {
    // Slow: the answer comes after the timeout.
    simulator.setMode("taxContributions", "slow", 2000);
    const slow = await fileCase(withArrears.code);
    const { caseworker, view } = await claimed(slow.id);
    await caseworker.caller.checks.run({ applicationId: slow.id });
    let result = (await caseworker.caller.workbench.case({ id: slow.id })).checks.items[0].result!;
    expect(result).toMatchObject({ status: "unavailable", answer: { reason: "timeout" } });
    expect(result.reason).toMatch(/超时/);
    expect(await simulatorCalls("taxContributions")).toBe(1); // a timeout is not retried
    // The step stays blocked until the manual check is recorded.
    await expect(
      caseworker.caller.workbench.act({ applicationId: slow.id, taskId: view.currentTask!.taskId, actionId: "accept", confirmedRisks: view.currentTask!.riskChecklist.map((r) => r.key), rowVersion: view.application.rowVersion }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await caseworker.caller.checks.manual({ applicationId: slow.id, kind: "preCheck", item: ARREARS, passed: true, note: "登录税务征管系统查询，无欠费" });
    result = (await caseworker.caller.workbench.case({ id: slow.id })).checks.items[0].result!;
    expect(result).toMatchObject({ status: "passed", source: "manual", answer: { note: "登录税务征管系统查询，无欠费" } });
    await caseworker.caller.workbench.act({ applicationId: slow.id, taskId: view.currentTask!.taskId, actionId: "accept", confirmedRisks: view.currentTask!.riskChecklist.map((r) => r.key), rowVersion: view.application.rowVersion });

    // Malformed: not a pass.
    simulator.setMode("taxContributions", "malformed");
    const bad = await fileCase(withArrears.code);
    const b = await claimed(bad.id);
    await b.caseworker.caller.checks.run({ applicationId: bad.id });
    expect((await b.caseworker.caller.workbench.case({ id: bad.id })).checks.items[0].result).toMatchObject({ status: "unavailable", answer: { reason: "malformed" } });

    // Failing: each run retries once (2 calls), and the third failure in a row opens the circuit.
    resetBreakers();
    simulator.setMode("taxContributions", "failing");
    const before = await simulatorCalls("taxContributions");
    for (let i = 0; i < 3; i++) {
      const c = await fileCase(withArrears.code);
      const w = await claimed(c.id);
      await w.caseworker.caller.checks.run({ applicationId: c.id });
      expect((await w.caseworker.caller.workbench.case({ id: c.id })).checks.items[0].result).toMatchObject({ status: "unavailable", answer: { reason: "failed" } });
    }
    expect((await simulatorCalls("taxContributions")) - before).toBe(6);
    simulator.setMode("taxContributions", "normal");
    const open = await fileCase(withArrears.code);
    const o = await claimed(open.id);
    await o.caseworker.caller.checks.run({ applicationId: open.id });
    const circuit = (await o.caseworker.caller.workbench.case({ id: open.id })).checks.items[0].result!;
    expect(circuit).toMatchObject({ status: "unavailable", answer: { reason: "circuitOpen" } });
    expect((await simulatorCalls("taxContributions")) - before).toBe(6);
    // Other connectors are not affected by this one's circuit.
    expect((await o.caseworker.caller.workbench.case({ id: open.id })).checks.items[1].result).toMatchObject({ status: "fetched" });
  });
});
