/**
 * 工作台 end to end. Applications are filed through the real API (the applicant's screens are
 * covered by portal.spec.ts); everything the staff do goes through the workbench pages:
 * the inbox with due dates, the case page (checkpoints, read-only forms, materials, history),
 * claiming, a refusal with its reason (which the applicant then sees, with the decision
 * notice), pausing and resuming (中止/恢复), and a stale page told clearly to reload.
 */
import { test, expect, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { signIn, expectAccessible, confirmRisks } from "./helpers";
import { fileApplication } from "./api";
import { readTemplates } from "@/seed/loadTemplates";
import { requiredUploads } from "@/runtime/definition/requirements";
import { promisedLimitFor } from "@/runtime/definition/caseLimit";
import { createWorkCalendar, dueDate } from "@/runtime/calendar";
import type { ServiceDefinition, TaskNode } from "@/runtime/definition/schema";

const SCREENS = process.env.E2E_SCREENS ?? "test-results/screens";
mkdirSync(SCREENS, { recursive: true });
const PHONE = { width: 375, height: 812 };
const calendar = createWorkCalendar();

const templates = readTemplates();
const staffTasks = (def: ServiceDefinition) => def.flow.nodes.filter((n): n is TaskNode => n.type === "task" && n.role !== "applicant");

/** A service a person applies for at a league office whose first step can refuse (不予受理), with a promised limit in days. */
const refusable = templates.find((def) => {
  const first = staffTasks(def)[0];
  const limit = promisedLimitFor(def.guide, "online");
  return (
    first?.role === "caseworker" &&
    first.actions.some((a) => a.kind === "reject") &&
    def.guide.levels.includes("league") &&
    requiredUploads(def).length === 0 &&
    limit !== null &&
    limit.days >= 3
  );
});

/**
 * A service with a step that may be paused (中止), reached after its first step passes.
 */
const pausable = templates.find((def) => {
  const tasks = staffTasks(def);
  const first = tasks[0];
  const approve = first?.actions.find((a) => a.kind === "approve");
  const edge = approve && def.flow.edges.find((e) => e.from === first.id && e.action === approve.id);
  const next = edge && tasks.find((t) => t.id === edge.to);
  return first?.role === "caseworker" && next?.pausable === true && next.role === "caseworker" && (def.guide.levels.length === 0 || def.guide.levels.includes("banner"));
});

function chinese(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SCREENS}/workbench-${name}.png`, fullPage: true });
}

test("经办人员不予受理并说明理由，申请人看到办理结果和不予受理决定书", async ({ browser }) => {
  test.setTimeout(180_000);
  expect(refusable, "a seeded service whose 受理 can refuse").toBeTruthy();
  const def = refusable!;
  const applicant = await (await browser.newContext({ viewport: PHONE })).newPage();
  await signIn(applicant, "zhangsan");
  const filed = await fileApplication(applicant, def, "150100");
  const limit = promisedLimitFor(def.guide, "online")!;
  const expected = dueDate(filed.filedOn, limit, [], calendar);
  expect(filed.promisedDate).toBe(expected);
  // The test server's case clock starts on 2026-09-30, the last workday before the National Day
  // holiday (10-01 to 10-07): a limit in workdays must run past the holiday.
  expect(filed.filedOn).toBe("2026-09-30");
  if (limit.unit === "workday" && limit.days > 0) expect(expected > "2026-10-07").toBe(true);

  // The applicant's case page shows the calendar's promised date.
  await applicant.goto(`/cases/${filed.id}`);
  await expect(applicant.getByTestId("promised-date")).toHaveText(chinese(expected));
  await expect(applicant.getByTestId("case-status")).toHaveText("已提交");

  // The inbox: the case with its step's due date; the case page with the step's checkpoints.
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, "hohhot.caseworker");
  const row = staff.getByRole("row").filter({ hasText: filed.caseNumber });
  await expect(row).toBeVisible();
  await expect(row).toContainText(staffTasks(def)[0].label);
  await expect(row).toContainText("待认领");
  await expectAccessible(staff);
  await shot(staff, "1-inbox");
  // On a phone each task is a card of “label value” lines, without sideways scrolling.
  await staff.setViewportSize(PHONE);
  await expect(row.getByRole("link", { name: filed.caseNumber })).toBeInViewport();
  expect((await row.boundingBox())!.width).toBeLessThanOrEqual(PHONE.width);
  expect(await staff.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), "工作台在 375px 宽度下不应出现横向滚动").toBeLessThanOrEqual(0);
  await expectAccessible(staff);
  await shot(staff, "1-inbox-phone");
  await staff.setViewportSize({ width: 1280, height: 720 });
  await row.getByRole("link", { name: filed.caseNumber }).click();
  await expect(staff.getByRole("heading", { name: `当前环节：${staffTasks(def)[0].label}` })).toBeVisible();
  for (const heading of ["审核要点", "风险点", "前置校验", "申请表单", "申请材料", "办理过程"]) {
    await expect(staff.getByRole("heading", { name: heading })).toBeVisible();
  }
  await expect(staff.getByTestId("case-due-date")).toContainText(chinese(expected));
  // Materials say when they apply and when the office obtains them itself.
  const noted = def.materials.find((m) => !m.formId && (m.scenario || m.obtainableBySharing));
  if (noted) await expect(staff.getByTestId("material-note").first()).toContainText(noted.scenario ? `适用于：${noted.scenario}` : "可通过数据共享获取");
  await expectAccessible(staff);
  await shot(staff, "2-case");

  // Claim: the inbox's 我已认领 filter lists it, 待认领 no longer does. Then refuse: a reason is required.
  await staff.getByRole("button", { name: "认领任务" }).click();
  await expect(staff.getByText("我已认领")).toBeVisible();
  await staff.goto("/workbench");
  const filter = staff.getByRole("group", { name: "筛选" });
  await filter.getByRole("button", { name: "我已认领" }).click();
  await expect(filter.getByRole("button", { name: "我已认领" })).toHaveAttribute("aria-pressed", "true");
  await expect(staff.getByRole("row").filter({ hasText: filed.caseNumber })).toBeVisible();
  await filter.getByRole("button", { name: "待认领" }).click();
  await expect(staff.getByRole("row").filter({ hasText: filed.caseNumber })).toHaveCount(0);
  await staff.goto(`/workbench/cases/${filed.id}`);
  const reject = staffTasks(def)[0].actions.find((a) => a.kind === "reject")!;
  await staff.getByRole("radio", { name: reject.label }).check();
  await staff.getByRole("button", { name: `确认：${reject.label}` }).click();
  await expect(staff.getByRole("alert").filter({ hasText: "请填写不予受理/不予通过的理由" })).toBeVisible();
  const reason = "申请人不符合办理条件：材料显示未达到规定年龄";
  await staff.getByLabel(/不予受理\/不予通过的理由/).fill(reason);
  await shot(staff, "3-refuse");
  await staff.getByRole("button", { name: `确认：${reject.label}` }).click();
  await expect(staff.getByRole("status").filter({ hasText: `已办理：${reject.label}` })).toBeVisible();
  await expect(staff.getByTestId("case-status")).toHaveText("不予受理/未通过");
  await staff.goto("/workbench");
  await expect(staff.getByRole("row").filter({ hasText: filed.caseNumber })).toHaveCount(0);

  // The applicant sees the refusal, its reason, and the decision notice.
  await applicant.goto("/cases");
  await expect(applicant.getByTestId("case-row").filter({ hasText: filed.caseNumber }).getByTestId("case-status")).toHaveText("不予受理/未通过");
  await applicant.goto(`/cases/${filed.id}`);
  await expect(applicant.getByTestId("outcome-reason")).toContainText(reason);
  await expect(applicant.getByTestId("timeline")).toContainText(reject.label);
  await expectAccessible(applicant);
  await shot(applicant, "4-applicant-refused");
  await applicant.getByRole("link", { name: "办理结果文书" }).click();
  await expect(applicant.getByRole("heading", { name: "不予受理决定书" })).toBeVisible();
  await expect(applicant.getByTestId("letter-reason")).toHaveText(reason);
  await expect(applicant.getByText("行政复议")).toBeVisible();
  await expectAccessible(applicant);
  await shot(applicant, "5-refusal-decision");
});

test("中止与恢复：中止须填写原因；在过期页面上操作时提示办件已被他人更新并可刷新", async ({ browser }) => {
  test.setTimeout(180_000);
  expect(pausable, "a seeded service with a pausable step").toBeTruthy();
  const def = pausable!;
  const [first, second] = staffTasks(def);
  const applicant = await (await browser.newContext()).newPage();
  await signIn(applicant, "zhangsan");
  const filed = await fileApplication(applicant, def, "150102");

  let staff = await (await browser.newContext()).newPage();
  await signIn(staff, "xincheng.caseworker");
  await staff.goto(`/workbench/cases/${filed.id}`);
  // The first step's deadline, from its time limit in the working-day calendar.
  if (first.sla) {
    await expect(staff.getByText(`期限 ${chinese(dueDate(filed.filedOn, first.sla, [], calendar))}`)).toBeVisible();
  }
  await staff.getByRole("button", { name: "认领任务" }).click();
  const approve = first.actions.find((a) => a.kind === "approve")!;
  await staff.getByRole("radio", { name: approve.label }).check();
  await confirmRisks(staff);
  await staff.getByRole("button", { name: `确认：${approve.label}` }).click();
  await expect(staff.getByRole("heading", { name: `当前环节：${second.label}` })).toBeVisible();
  if (second.separateFromPrevious) {
    // 不相容岗位分离: the next step is another caseworker's.
    staff = await (await browser.newContext()).newPage();
    await signIn(staff, "xincheng.caseworker2");
    await staff.goto(`/workbench/cases/${filed.id}`);
    await expect(staff.getByRole("heading", { name: `当前环节：${second.label}` })).toBeVisible();
  }

  // 中止 needs a reason; the applicant sees it.
  await staff.getByRole("button", { name: "中止", exact: true }).click();
  await staff.getByRole("button", { name: "确认中止" }).click();
  await expect(staff.getByRole("alert").filter({ hasText: "请填写中止原因" })).toBeVisible();
  const reason = "需等待司法机关出具鉴定结论";
  await staff.getByLabel("中止原因（必填）").fill(reason);
  await staff.getByRole("button", { name: "确认中止" }).click();
  await expect(staff.getByTestId("case-status")).toHaveText("已中止");
  await expect(staff.getByText(`原因：${reason}`)).toBeVisible();
  await expectAccessible(staff);
  await shot(staff, "6-paused");
  await applicant.goto(`/cases/${filed.id}`);
  await expect(applicant.getByTestId("case-status")).toHaveText("已中止");
  await expect(applicant.getByText(`中止原因：${reason}`)).toBeVisible();

  // A second window, opened now, goes stale when the first one resumes the case.
  const stale = await (await staff.context().browser()!.newContext({ storageState: await staff.context().storageState() })).newPage();
  await stale.goto(`/workbench/cases/${filed.id}`);
  await expect(stale.getByRole("heading", { name: "恢复办理" })).toBeVisible();
  await staff.getByRole("button", { name: "恢复", exact: true }).click();
  await staff.getByRole("button", { name: "确认恢复" }).click();
  await expect(staff.getByRole("status").filter({ hasText: "已恢复办理" })).toBeVisible();
  await expect(staff.getByTestId("case-status")).not.toHaveText("已中止");

  await stale.getByRole("button", { name: "恢复", exact: true }).click();
  await stale.getByRole("button", { name: "确认恢复" }).click();
  const conflict = stale.getByRole("alert").filter({ hasText: "办件已被他人更新，请刷新后重试" });
  await expect(conflict).toBeVisible();
  await shot(stale, "7-conflict");
  await conflict.getByRole("button", { name: "刷新页面" }).click();
  await expect(conflict).toBeHidden();
  await expect(stale.getByTestId("case-status")).not.toHaveText("已中止");
  await expect(stale.getByRole("heading", { name: "中止办理" })).toBeVisible();
});
