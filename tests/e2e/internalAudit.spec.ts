/**
 * 风险点确认 and 内控稽核 end to end: a caseworker cannot pass 受理 until each of its risk points
 * is ticked, then passes it and the case shows what was confirmed; an auditor (稽核人员) of the
 * league draws a random sample of the office's completed cases and records a finding on one.
 */
import { test, expect } from "@playwright/test";
import { signIn, expectAccessible, confirmRisks } from "./helpers";
import { fileApplication } from "./api";
import { readTemplates } from "@/seed/loadTemplates";
import { stepRisks } from "@/runtime/definition/riskChecklist";
import type { ServiceDefinition, TaskNode } from "@/runtime/definition/schema";

const staffTasks = (def: ServiceDefinition) => def.flow.nodes.filter((n): n is TaskNode => n.type === "task" && n.role !== "applicant");

/** A service a person applies for at a league office: 受理 (a caseworker's, with risk points) then one step that closes the case. */
const service = readTemplates().find((def) => {
  const [accept, last, ...rest] = staffTasks(def);
  return (
    accept?.label === "受理" &&
    accept.role === "caseworker" &&
    stepRisks(def, accept.label).length >= 1 &&
    last?.role === "caseworker" &&
    rest.length === 0 &&
    last.actions.some((a) => a.kind === "complete") &&
    def.guide.levels.includes("league") &&
    // its mandatory 前置校验 pass for 张三 in the simulator (he owes contributions: checks.spec covers that)
    !(def.connectors?.preChecks ?? []).some((b) => b.connector === "taxContributions")
  );
});

test("经办人员逐项确认风险点后受理；稽核人员抽取样本并记录稽核意见", async ({ browser }) => {
  test.setTimeout(180_000);
  expect(service, "a seeded service whose 受理 has risk points").toBeTruthy();
  const def = service!;
  const [accept, last] = staffTasks(def);
  const risks = stepRisks(def, accept.label);
  const approve = accept.actions.find((a) => a.kind === "approve")!;
  const complete = last.actions.find((a) => a.kind === "complete")!;

  const applicant = await (await browser.newContext()).newPage();
  await signIn(applicant, "zhangsan");
  const filed = await fileApplication(applicant, def, "150100");

  // 受理: refused on the page until every risk point is ticked.
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, "hohhot.caseworker");
  await staff.goto(`/workbench/cases/${filed.id}`);
  await expect(staff.getByRole("heading", { name: "当前环节：受理" })).toBeVisible();
  // Before claiming, the step's risk points are listed to read; once claimed, once only: as the boxes to tick.
  await expect(staff.getByText(risks[0].risk)).toHaveCount(1);
  await staff.getByRole("button", { name: "认领任务" }).click();
  await expect(staff.getByText("我已认领")).toBeVisible();
  await expect(staff.getByText(`共 ${risks.length} 项，请在下方“风险点确认”中逐项核对勾选。`)).toBeVisible();
  // The step's checks ran when it was opened (checks.spec): none holds 受理 back.
  await expect(staff.getByTestId("checks-blocking")).toHaveCount(0, { timeout: 20_000 });
  await staff.getByRole("radio", { name: approve.label }).check();
  const checklist = staff.getByTestId("risk-checklist");
  await expect(checklist.getByRole("checkbox")).toHaveCount(risks.length);
  await expect(checklist).toContainText(risks[0].risk);
  await expect(staff.getByText(risks[0].risk, { exact: false })).toHaveCount(1);
  await expectAccessible(staff);
  await staff.getByRole("button", { name: `确认：${approve.label}` }).click();
  await expect(staff.getByRole("alert").filter({ hasText: "请先逐项确认本环节的风险点" })).toBeVisible();
  await confirmRisks(staff);
  await staff.getByRole("button", { name: `确认：${approve.label}` }).click();
  await expect(staff.getByRole("status").filter({ hasText: `已办理：${approve.label}` })).toBeVisible();
  // What was confirmed, by whom: on the case for the next step's staff (and reviewers, auditors).
  const confirmed = staff.getByTestId("risk-confirmations");
  await expect(confirmed).toContainText("呼和浩特市经办员");
  await expect(confirmed).toContainText(risks[0].risk);

  // The last step closes the case.
  await expect(staff.getByRole("heading", { name: `当前环节：${last.label}` })).toBeVisible();
  await staff.getByRole("button", { name: "认领任务" }).click();
  await expect(staff.getByText("我已认领")).toBeVisible();
  // The step's checks ran when it was opened (checks.spec): none holds 受理 back.
  await expect(staff.getByTestId("checks-blocking")).toHaveCount(0, { timeout: 20_000 });
  await staff.getByRole("radio", { name: complete.label }).check();
  await confirmRisks(staff);
  await staff.getByRole("button", { name: `确认：${complete.label}` }).click();
  await expect(staff.getByRole("status").filter({ hasText: `已办理：${complete.label}` })).toBeVisible();

  // 内控稽核: the league's auditor samples 呼和浩特市's completed cases of the case clock's period.
  const auditor = await (await browser.newContext()).newPage();
  await signIn(auditor, "hohhot.auditor");
  await auditor.goto("/workbench/audit");
  await expect(auditor.getByRole("heading", { name: "内控稽核" })).toBeVisible();
  await auditor.getByLabel("经办机构").first().selectOption("150100");
  await auditor.getByLabel("办结日期自").fill("2026-01-01");
  await auditor.getByLabel("至", { exact: true }).fill("2027-12-31");
  await auditor.getByLabel("抽查件数").fill("20");
  await auditor.getByRole("button", { name: "随机抽取" }).click();
  await expect(auditor.getByRole("status").filter({ hasText: "随机种子" })).toBeVisible();
  const sample = auditor.getByTestId("audit-sample");
  const ourCase = sample.getByRole("listitem").filter({ hasText: filed.caseNumber });
  await expect(ourCase).toBeVisible();
  await ourCase.getByRole("radio", { name: "发现问题", exact: true }).check();
  await ourCase.getByLabel("稽核意见", { exact: true }).fill("受理时未留存身份证件复印件");
  await ourCase.getByRole("button", { name: "记录稽核意见" }).click();
  await expect(ourCase).toContainText("【发现问题】受理时未留存身份证件复印件");
  const findings = auditor.getByTestId("office-findings");
  await findings.getByLabel("经办机构").selectOption("150100");
  await expect(findings.getByRole("row").filter({ hasText: filed.caseNumber })).toContainText("受理时未留存身份证件复印件");
  await expectAccessible(auditor);

  // The auditor reads the sampled case, read-only, with what was confirmed at 受理.
  await ourCase.getByRole("link", { name: filed.caseNumber }).click();
  await expect(auditor.getByTestId("read-only")).toBeVisible();
  await expect(auditor.getByTestId("risk-confirmations")).toContainText(risks[0].risk);
  await expect(auditor.getByRole("button", { name: "认领任务" })).toHaveCount(0);
});
