/**
 * 在线办理 a second time: the apply page lists the applicant's drafts of the service not yet
 * submitted (未提交的草稿) with 继续填写, so coming back does not leave a second draft behind —
 * and a new application can still be started beside it. The page passes axe.
 */
import { test, expect } from "@playwright/test";
import { signIn, expectAccessible } from "./helpers";

const code = "s113"; // 就业登记申请: not used by the other specs, so its drafts are this test's

test("回到在线办理：列出未提交的草稿，继续填写而不新建", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "zhangsan");
  await page.goto(`/hall/services/${code}/apply`);
  await expect(page.getByRole("heading", { name: /未提交的草稿/ })).toHaveCount(0);
  await page.getByLabel("第一步：选择盟市").selectOption({ label: "呼和浩特市" });
  await page.getByRole("radio", { name: "新城区" }).check();
  await page.getByRole("button", { name: "开始填写" }).click();
  await expect(page).toHaveURL(/\/cases\/[^/]+\/edit$/);
  const draftUrl = new URL(page.url()).pathname;

  // Back to 在线办理: the draft is offered first.
  await page.goto(`/hall/services/${code}/apply`);
  await expect(page.getByRole("heading", { name: "您有1份未提交的草稿" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: /继续填写/ }).click();
  await expect(page).toHaveURL(new RegExp(`${draftUrl}$`));

  // 开始填写 still starts another; then both are listed.
  await page.goto(`/hall/services/${code}/apply`);
  await page.getByLabel("第一步：选择盟市").selectOption({ label: "呼和浩特市" });
  await page.getByRole("radio", { name: "新城区" }).check();
  await page.getByRole("button", { name: "开始填写" }).click();
  await expect(page).toHaveURL(/\/cases\/[^/]+\/edit$/);
  expect(new URL(page.url()).pathname).not.toBe(draftUrl);
  await page.goto(`/hall/services/${code}/apply`);
  await expect(page.getByRole("heading", { name: "您有2份未提交的草稿" })).toBeVisible();
  await expect(page.getByRole("link", { name: /继续填写/ })).toHaveCount(2);
});
