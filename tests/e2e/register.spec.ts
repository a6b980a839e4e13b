/**
 * A person registers (the code comes from the server's file outbox, as an SMS would bring it),
 * signs in and reaches 办事大厅; the registration and password-reset pages pass axe.
 */
import { test, expect } from "@playwright/test";
import { expectAccessible } from "./helpers";
import { e2eOutboxFile, latestCodeIn } from "@/tests/support/e2eOutbox";

const outbox = e2eOutboxFile(process.env.E2E_PORT ?? 3100);
const PASSWORD = "Steppe-Horse-2027";

test("个人注册：获取验证码、注册、登录后进入办事大厅", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("link", { name: "注册账号" }).click();
  await expect(page.getByRole("heading", { name: "注册账号" })).toBeVisible();
  await expect(page.getByRole("tab", { name: "个人注册" })).toHaveAttribute("aria-selected", "true");
  await expectAccessible(page);

  const panel = page.getByRole("tabpanel");
  await panel.getByLabel("姓名").fill("阿拉坦");
  await panel.getByLabel("居民身份证号").fill("150102198808080012");
  await panel.getByLabel("手机号").fill("13900003001");
  // A wrong check digit is named on its field.
  await panel.getByLabel("短信验证码").fill("123456");
  await panel.getByLabel("用户名").fill("alatan");
  await panel.getByLabel("密码", { exact: true }).fill(PASSWORD);
  await panel.getByRole("button", { name: "注册", exact: true }).click();
  await expect(panel.getByText("居民身份证号校验位不正确").first()).toBeVisible();
  await expectAccessible(page);

  await panel.getByLabel("居民身份证号").fill("150102198808080013");
  await panel.getByRole("button", { name: "获取验证码" }).click();
  await expect(panel.getByText("验证码已发送至 139****3001")).toBeVisible();
  await expect.poll(() => latestCodeIn(outbox, "13900003001")).toMatch(/^\d{6}$/);
  await panel.getByLabel("短信验证码").fill(latestCodeIn(outbox, "13900003001")!);
  await panel.getByRole("button", { name: "注册", exact: true }).click();
  await expect(page.getByText("注册成功。您的用户名是 alatan。")).toBeVisible();

  await page.getByRole("link", { name: "去登录" }).click();
  await page.getByLabel("用户名").fill("alatan");
  await page.getByLabel("密码").fill(PASSWORD);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL(/\/hall$/);
  await expect(page.getByRole("heading", { name: "办事大厅" })).toBeVisible();
  await expect(page.getByTestId("current-user")).toContainText("阿拉坦");
});

test("单位注册和找回密码页面无障碍", async ({ page }) => {
  await page.goto("/register");
  await page.getByRole("tab", { name: "个人注册" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("tab", { name: "单位注册" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByLabel("统一社会信用代码")).toBeVisible();
  await expectAccessible(page);
  await page.goto("/login");
  await page.getByRole("link", { name: "找回密码" }).click();
  await expect(page.getByRole("heading", { name: "找回密码" })).toBeVisible();
  await expectAccessible(page);
});

test("使用政务服务统一身份认证登录：首次登录建立申请人账号，进入办事大厅", async ({ page }) => {
  await page.goto("/login");
  await expectAccessible(page);
  await page.getByRole("link", { name: "使用政务服务统一身份认证登录" }).click();
  // The provider's own sign-in and consent pages (oidc-provider's development pages).
  await page.locator('input[name="login"]').fill("gov-qiqige");
  await page.locator('input[name="password"]').fill("any");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/hall$/);
  await expect(page.getByTestId("current-user")).toContainText("其其格");
});
