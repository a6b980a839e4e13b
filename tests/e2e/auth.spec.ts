import { test, expect, type Page } from "@playwright/test";
import { signIn, expectAccessible, DEMO_PASSWORD } from "./helpers";

const nav = (page: Page) => page.getByRole("navigation", { name: "主导航" });

const roles = [
  { username: "zhangsan", sees: ["办事大厅"], home: "/hall" },
  { username: "company.demo", sees: ["办事大厅"], home: "/hall" },
  { username: "region.admin", sees: ["设计器", "工作台", "统计分析", "工作日历", "账号管理"], home: "/designer" },
  { username: "hohhot.admin", sees: ["设计器", "工作台", "统计分析", "账号管理"], home: "/designer" },
  { username: "xincheng.admin", sees: ["设计器", "账号管理"], home: "/designer" },
  { username: "region.caseworker", sees: ["工作台", "统计分析"], home: "/workbench" },
  { username: "hohhot.caseworker", sees: ["工作台", "统计分析"], home: "/workbench" },
  { username: "hohhot.reviewer", sees: ["工作台", "统计分析"], home: "/workbench" },
  { username: "xincheng.caseworker", sees: ["工作台", "统计分析"], home: "/workbench" },
] as const;

for (const role of roles) {
  test(`${role.username} 登录后只看到自己的导航`, async ({ page }) => {
    await signIn(page, role.username);
    await expect(page).toHaveURL(new RegExp(`${role.home}$`));
    const links = await nav(page).getByRole("link").allTextContents();
    expect(links).toEqual([...role.sees]);
    await expectAccessible(page);
  });
}

test("匿名访问者只看到办事大厅，登录页无障碍", async ({ page }) => {
  await page.goto("/");
  expect(await nav(page).getByRole("link").allTextContents()).toEqual(["办事大厅"]);
  await page.goto("/login");
  await expectAccessible(page);
});

test("错误的密码被拒绝，并给出中文提示", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("用户名").fill("hohhot.reviewer");
  await page.getByLabel("密码").fill("wrong-password");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "用户名或密码不正确" })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test("未登录或会话失效时访问工作台会转到登录页", async ({ page, context }) => {
  await page.goto("/workbench");
  await expect(page).toHaveURL(/\/login\?next=%2Fworkbench/);
  await context.addCookies([{ name: "hrss_session", value: "expired-or-forged", url: page.url() }]);
  await page.goto("/designer");
  await expect(page).toHaveURL(/\/login\?next=%2Fdesigner/);
});

test("退出登录后会话失效", async ({ page }) => {
  await signIn(page, "region.admin");
  // The button works once the page is hydrated (a click before that does nothing).
  await page.waitForLoadState("networkidle");
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/designer");
  await expect(page).toHaveURL(/\/login/);
});

test("申请人打开设计器看到无权访问", async ({ page }) => {
  await signIn(page, "zhangsan");
  await page.goto("/designer");
  await expect(page.getByText("无权访问")).toBeVisible();
});

test("受保护的接口：未登录 401，角色不符 403，跨站请求被拒绝", async ({ page, request }) => {
  const anonymous = await request.get("/api/trpc/workbench.inbox");
  expect(anonymous.status()).toBe(401);
  expect((await anonymous.json()).error.message).toBe("请先登录");

  await signIn(page, "zhangsan", DEMO_PASSWORD);
  const asApplicant = await page.request.get("/api/trpc/designer.list");
  expect(asApplicant.status()).toBe(403);

  // A mutation without the CSRF header (as a cross-site form would send it) is refused.
  const forged = await page.request.post("/api/trpc/auth.signOut", { data: {} });
  expect(forged.status()).toBe(403);
  await page.goto("/hall");
  await expect(page.getByTestId("current-user")).toHaveText("张三");
});

test("登录后不跟随指向其他网站的 next 参数；申请人页面禁止 eval", async ({ page, baseURL }) => {
  for (const next of ["/\\evil.example", "/\t/evil.example"]) {
    const response = await page.goto(`/login?next=${encodeURIComponent(next)}`);
    const csp = response?.headers()["content-security-policy"] ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain("unsafe-eval");
    await page.getByLabel("用户名").fill("zhangsan");
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByTestId("current-user")).toBeVisible();
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    await page.context().clearCookies();
  }
  // A script of the page itself, run after Playwright's evaluate returns (evaluate itself is
  // exempt from the page's CSP).
  await page.goto("/hall");
  await page.evaluate(() => {
    setTimeout(() => {
      const script = document.createElement("script");
      script.textContent = "try { window.__evalOutcome = String(new Function('return \\'eval ran\\'')()); } catch (e) { window.__evalOutcome = e.name; }";
      document.head.appendChild(script);
    }, 0);
  });
  await expect.poll(() => page.evaluate(() => (window as unknown as { __evalOutcome?: string }).__evalOutcome)).toBe("EvalError");
});
