/**
 * 账号管理 end to end: an office administrator creates a staff account (its password shown once),
 * the new caseworker signs in with it in another browser, the administrator disables the
 * account, and the caseworker's open page is refused at its next request.
 */
import { test, expect } from "@playwright/test";
import { signIn, expectAccessible } from "./helpers";

test("an office administrator creates an account, which signs in, and disabling it ends its open session", async ({ browser }) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, "xincheng.admin");
  await admin.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "账号管理" }).click();
  await expect(admin.getByRole("heading", { name: "账号管理", level: 1 })).toBeVisible();
  await expect(admin.getByTestId("account-xincheng.caseworker")).toBeVisible();
  await expectAccessible(admin);

  await admin.getByLabel("用户名").fill("xincheng.newclerk");
  await admin.getByLabel("姓名").fill("赵六");
  await admin.getByLabel("角色").selectOption({ label: "经办人员" });
  await admin.getByRole("button", { name: "创建账号" }).click();
  const shown = admin.getByTestId("shown-password");
  await expect(shown).toBeVisible();
  const password = (await shown.textContent())!.trim();
  expect(password).toMatch(/^[A-Za-z0-9_-]{18}$/);
  await expect(admin.getByTestId("account-xincheng.newclerk")).toContainText("经办人员");
  await expectAccessible(admin);

  const clerkContext = await browser.newContext();
  const clerk = await clerkContext.newPage();
  await signIn(clerk, "xincheng.newclerk", password);
  await expect(clerk.getByTestId("current-user")).toHaveText("赵六");
  await clerk.goto("/workbench");
  await expect(clerk.getByRole("heading", { name: "工作台", level: 1 })).toBeVisible();

  await admin.reload();
  await expect(admin.getByTestId("account-xincheng.newclerk")).toContainText("1");
  admin.once("dialog", (dialog) => void dialog.accept());
  await admin.getByRole("button", { name: "停用 xincheng.newclerk" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "账号已停用" })).toBeVisible();
  await expect(admin.getByTestId("account-xincheng.newclerk")).toContainText("已停用");

  // The clerk's open session is refused at once: the next page load is sent to sign in.
  await clerk.reload();
  await expect(clerk).toHaveURL(/\/login\?next=%2Fworkbench/);
  await clerk.getByLabel("用户名").fill("xincheng.newclerk");
  await clerk.getByLabel("密码").fill(password);
  await clerk.getByRole("button", { name: "登录" }).click();
  await expect(clerk.getByRole("alert").filter({ hasText: "用户名或密码不正确" })).toBeVisible();

  await adminContext.close();
  await clerkContext.close();
});
