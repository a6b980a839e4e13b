/**
 * 办事大厅 and the guides are the same page for every visitor: served from the page cache to a
 * signed-in applicant too, with nothing of theirs in it; the header learns who is signed in
 * from the browser, and 在线办理 leads each visitor on as their account allows.
 */
import { test, expect } from "@playwright/test";
import { DEMO_PASSWORD, expectAccessible, signIn } from "./helpers";

test("登录后的办事大厅与办事指南：与他人同一页面（来自页面缓存、不含个人信息），页头显示本人", async ({ page }) => {
  await signIn(page, "zhangsan");
  // The page as Next writes it, twice: the second from memory. Neither carries the visitor's name or numbers.
  for (const path of ["/hall", "/hall/services/s018"]) {
    await page.request.get(path);
    const again = await page.request.get(path);
    expect(again.headers()["x-page-cache"], path).toBe("hit");
    const html = await again.text();
    expect(html, path).not.toContain("张三");
    expect(html, path).not.toContain("150102199003071237");
  }

  await page.goto("/hall");
  await expect(page.getByTestId("current-user")).toHaveText("张三");
  await expect(page.getByRole("link", { name: "我的办件" })).toBeVisible();
  await expect(page.getByRole("link", { name: "登录", exact: true })).toHaveCount(0);
  await expectAccessible(page);

  await page.goto("/hall/services/s018");
  await expect(page.getByTestId("current-user")).toHaveText("张三");
  await page.getByRole("link", { name: "在线办理", exact: true }).click();
  await expect(page).toHaveURL(/\/hall\/services\/s018\/apply$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("在线办理");
});

test("未登录访客：办事大厅显示登录入口，在线办理先到登录页，登录后回到办理页", async ({ page }) => {
  await page.goto("/hall/services/s018");
  await expect(page.getByRole("link", { name: "登录", exact: true })).toBeVisible();
  await expect(page.getByTestId("current-user")).toHaveCount(0);
  await page.getByRole("link", { name: "在线办理", exact: true }).click();
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.getByLabel("用户名").fill("zhangsan");
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/hall\/services\/s018\/apply$/);
});

test("工作人员打开办事指南：页头显示其机构与岗位，在线办理页说明不能以申请人身份办理", async ({ page }) => {
  await signIn(page, "xincheng.caseworker");
  await page.goto("/hall/services/s018");
  await expect(page.getByTestId("current-user")).toHaveText("新城区经办员");
  await expect(page.getByRole("link", { name: "工作台" })).toBeVisible();
  await page.getByRole("link", { name: "在线办理", exact: true }).click();
  await expect(page.getByText("工作人员账号不能在线申请")).toBeVisible();
});
