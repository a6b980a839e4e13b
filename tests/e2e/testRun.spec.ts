/**
 * The designer's test run (试运行) plays a 一次性告知 as the workbench does: the administrator,
 * acting as the caseworker, names the form the applicant must correct; in the 补正 that form is
 * open to the applicant and the others are not shown. Withdrawal (撤回) is offered only before
 * 受理, as the engine allows it. Nothing is stored. And the designer points out (提示, not blocking)
 * a step given longer than the whole case is promised.
 */
import { test, expect } from "@playwright/test";
import { signIn, expectAccessible, openServiceByCode } from "./helpers";

test("test run: a one-time correction names a form, which the applicant may then change; no withdrawal after 受理", async ({ browser }) => {
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  await signIn(page, "region.admin");
  await openServiceByCode(page, "s082"); // 统筹地区以外交通、住宿费申请: two applicant forms
  await page.getByRole("tab", { name: "试运行" }).click();

  const filling = page.getByRole("region", { name: "申请人填写" });
  for (const button of await filling.getByRole("button", { name: "用示例数据填写" }).all()) await button.click();
  await filling.getByRole("button", { name: "提交申请" }).click();

  const current = page.getByRole("region", { name: "当前办理" });
  await expect(current.getByRole("button", { name: "申请人撤回" })).toBeVisible();

  // 受理 asks for a correction of one form (一次性告知), ticked as on the workbench.
  const intake = current.getByRole("listitem").filter({ has: page.getByRole("group", { name: "受理的操作" }) });
  await intake.getByTestId("correction-forms").getByRole("checkbox", { name: "工伤职工就医备案表" }).check();
  await expect(intake.getByRole("textbox", { name: "第1项" })).toHaveValue("请修改完善：工伤职工就医备案表");
  await expectAccessible(page);
  await intake.getByRole("group", { name: "受理的操作" }).getByRole("button", { name: "一次性告知补正" }).click();

  // The 补正: the named form is open to the applicant; the other form is not part of it.
  const correction = current.getByRole("listitem").filter({ has: page.getByRole("group", { name: "补正材料的操作" }) });
  await expect(correction).toContainText("需补正：请修改完善：工伤职工就医备案表");
  await expect(correction.getByText("工伤职工就医备案表（需补正）")).toBeVisible();
  await expect(correction.getByText("工伤保险待遇申请表")).toHaveCount(0);
  await expect(correction.getByRole("textbox").first()).toBeEditable();
  await correction.getByRole("group", { name: "补正材料的操作" }).getByRole("button", { name: "提交补正材料" }).click();
  await expect(page.getByRole("region", { name: "办理记录" })).toContainText("在“补正材料”选择“提交补正材料”");

  // Accepted: the applicant can no longer withdraw.
  await current.getByRole("group", { name: "受理的操作" }).getByRole("button", { name: "予以受理" }).click();
  await expect(current.getByRole("button", { name: "申请人撤回" })).toHaveCount(0);
  await current.getByRole("group", { name: "结果反馈的操作" }).getByRole("button", { name: "办结" }).click();
  await expect(page.getByRole("heading", { name: "办件状态：已办结" })).toBeVisible();
  await expectAccessible(page);
  await context.close();
});

test("a step given longer than the whole case is promised is pointed out (提示), and publishing is not blocked by it", async ({ browser }) => {
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  await signIn(page, "region.admin");
  await openServiceByCode(page, "s082"); // promises 15 working days
  await page.getByRole("tab", { name: "流程" }).click();
  await page.getByTestId("rf__node-accept").click();
  const inspector = page.getByRole("complementary", { name: "属性" });
  await inspector.getByRole("checkbox", { name: "设置时限" }).check();
  await inspector.getByLabel("时限天数").fill("20");
  const check = page.getByRole("button", { name: /^检查：/ });
  await expect(check).toHaveText("检查：通过（1 条提示）");
  await check.click();
  const advice = page.getByRole("region", { name: "提示" });
  await expect(advice).toContainText("环节“受理”的办理时限 20个工作日 长于承诺办结时限 15个工作日");
  await expect(page.locator("#lint-panel")).toContainText("检查通过：没有发现问题，可以发布。");
  await expectAccessible(page);
  // Shortened to fit the promise: no advice left (the draft keeps it; nothing is published).
  await inspector.getByLabel("时限天数").fill("10");
  await expect(check).toHaveText("检查：通过");
  await context.close();
});
