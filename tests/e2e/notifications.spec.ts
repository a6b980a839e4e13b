/**
 * 消息 end to end: an applicant chooses e-mail on the 消息 page; a caseworker asks for a
 * correction (一次性告知) on one case and refuses another; each time the applicant finds an unread
 * message (its count in the header) naming the case and the service, and the e-mail arrives at the
 * SMTP server beside the test server (tests/e2e/serve.ts).
 */
import { test, expect, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { signIn, expectAccessible } from "./helpers";
import { fileApplication } from "./api";
import { readTemplates } from "@/seed/loadTemplates";
import { requiredUploads } from "@/runtime/definition/requirements";
import type { ServiceDefinition, TaskNode } from "@/runtime/definition/schema";
import { e2eMailFile, mailsIn } from "@/tests/support/mailSink";

const SCREENS = process.env.E2E_SCREENS ?? "test-results/screens";
mkdirSync(SCREENS, { recursive: true });
const mailFile = e2eMailFile(process.env.E2E_PORT ?? 3100);
const EMAIL = "zhangsan.notify@example.cn";

const staffTasks = (def: ServiceDefinition) => def.flow.nodes.filter((n): n is TaskNode => n.type === "task" && n.role !== "applicant");

/** A service whose first step (a caseworker's, at a banner office) can `kind`, with nothing to upload. */
const serviceWhoseFirstStepCan = (kind: "correction" | "reject") =>
  readTemplates().find((def) => {
    const first = staffTasks(def)[0];
    return (
      first?.role === "caseworker" &&
      first.actions.some((a) => a.kind === kind) &&
      requiredUploads(def).length === 0 &&
      (def.guide.levels.length === 0 || def.guide.levels.includes("banner"))
    );
  });
const correctable = serviceWhoseFirstStepCan("correction");
const refusable = serviceWhoseFirstStepCan("reject");


async function act(page: Page, caseId: string, actionLabel: string, fill: (page: Page) => Promise<void>) {
  await page.goto(`/workbench/cases/${caseId}`);
  await page.getByRole("button", { name: "认领任务" }).click();
  await expect(page.getByText("我已认领")).toBeVisible();
  await page.getByRole("radio", { name: actionLabel }).check();
  await fill(page);
  await page.getByRole("button", { name: `确认：${actionLabel}` }).click();
  await expect(page.getByRole("status").filter({ hasText: `已办理：${actionLabel}` })).toBeVisible();
}

const unreadInHeader = async (page: Page) => Number((await page.getByTestId("unread-count").textContent({ timeout: 5_000 }).catch(() => "0"))?.replace(/\D/g, "") || 0);

test("申请人选择邮件通知；补正和不予受理各收到一条未读消息和一封邮件", async ({ browser }) => {
  test.setTimeout(180_000);
  expect(correctable, "a seeded service whose first step can ask for a correction").toBeTruthy();
  expect(refusable, "a seeded service whose first step can refuse").toBeTruthy();

  // The applicant chooses e-mail as well on the 消息 page.
  const applicant = await (await browser.newContext()).newPage();
  await signIn(applicant, "zhangsan");
  await applicant.getByTestId("messages-link").click();
  await expect(applicant.getByRole("heading", { level: 1, name: "消息" })).toBeVisible();
  await applicant.getByRole("checkbox", { name: "电子邮件" }).check();
  await applicant.getByRole("button", { name: "保存通知方式" }).click();
  await expect(applicant.getByRole("region", { name: "通知方式" }).getByRole("alert")).toContainText("请填写电子邮箱");
  await applicant.getByRole("textbox", { name: "电子邮箱" }).fill(EMAIL);
  await applicant.getByRole("button", { name: "保存通知方式" }).click();
  await expect(applicant.getByRole("status").filter({ hasText: "通知方式已保存" })).toBeVisible();
  if ((await applicant.getByRole("button", { name: "全部标为已读" }).count()) > 0) await applicant.getByRole("button", { name: "全部标为已读" }).click();
  await expect(applicant.getByTestId("unread-count")).toHaveCount(0);

  const corrected = await fileApplication(applicant, correctable!, "150102");
  const refused = await fileApplication(applicant, refusable!, "150102");

  // The caseworker asks for a correction on the first case.
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, "xincheng.caseworker");
  const correction = staffTasks(correctable!)[0].actions.find((a) => a.kind === "correction")!;
  const item = "请补充提交近期免冠照片";
  await act(staff, corrected.id, correction.label, async (p) => {
    await p.getByRole("textbox", { name: "第1项" }).fill(item);
  });

  // The applicant: an unread message in the header, naming the case and the service, linking to it.
  await applicant.goto("/cases");
  await expect(applicant.getByTestId("unread-count")).toContainText("1");
  await applicant.getByTestId("messages-link").click();
  const message = applicant.getByTestId("message").filter({ hasText: corrected.caseNumber });
  await expect(message).toContainText(`办件需要补正：${correctable!.title}`);
  await expect(message).toContainText(item);
  await expect(message).toContainText("未读");
  await expectAccessible(applicant);
  await applicant.screenshot({ path: `${SCREENS}/notifications-1-messages.png`, fullPage: true });

  // The e-mail reached the SMTP server, with the case number and the link to the case.
  await expect.poll(() => mailsIn(mailFile).filter((m) => m.to.includes(EMAIL) && m.text.includes(corrected.caseNumber)).length, { timeout: 20_000 }).toBe(1);
  const mail = mailsIn(mailFile).find((m) => m.text.includes(corrected.caseNumber))!;
  expect(mail.text).toContain(item);
  expect(mail.text).toContain(`/cases/${corrected.id}`);
  await expect(async () => {
    await applicant.reload();
    await expect(applicant.getByTestId("message").filter({ hasText: corrected.caseNumber })).toContainText("邮件：已发送", { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });

  // Following the message opens the case and marks it read.
  await applicant.getByTestId("message").filter({ hasText: corrected.caseNumber }).getByRole("link").click();
  await expect(applicant).toHaveURL(new RegExp(`/cases/${corrected.id}$`));
  await expect(applicant.getByTestId("unread-count")).toHaveCount(0);

  // The decision on the second case sends another.
  const reject = staffTasks(refusable!)[0].actions.find((a) => a.kind === "reject")!;
  await act(staff, refused.id, reject.label, async (p) => {
    await p.getByLabel(/不予受理\/不予通过的理由/).fill("申请人不符合办理条件");
  });
  await applicant.goto("/messages");
  expect(await unreadInHeader(applicant)).toBe(1);
  const decision = applicant.getByTestId("message").filter({ hasText: refused.caseNumber });
  await expect(decision).toContainText(refusable!.title);
  await expect(decision).toContainText("申请人不符合办理条件");
  await expect.poll(() => mailsIn(mailFile).filter((m) => m.to.includes(EMAIL) && m.text.includes(refused.caseNumber)).length, { timeout: 20_000 }).toBe(1);
  await decision.getByRole("button", { name: /标为已读/ }).click();
  await expect(applicant.getByTestId("unread-count")).toHaveCount(0);
  await expect(applicant.getByTestId("unread-summary")).toHaveText("没有未读消息");
  await expectAccessible(applicant);
  await applicant.screenshot({ path: `${SCREENS}/notifications-2-read.png`, fullPage: true });

  // Staff have 消息 too: the new steps of the office.
  await staff.goto("/messages");
  await expect(staff.getByTestId("message").filter({ hasText: corrected.caseNumber }).first()).toContainText("新的待办");
  await expect(staff.getByRole("heading", { name: "通知方式" })).toHaveCount(0);
  await expectAccessible(staff);
});
