import { expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { TEST_DEMO_PASSWORD } from "@/tests/support/demoPassword";

export const DEMO_PASSWORD = TEST_DEMO_PASSWORD;

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
}

export async function expectAccessible(page: Page): Promise<void> {
  // After a client-side navigation Next sets the new page's <title> a moment after it renders: wait
  // for it (briefly), so axe judges the page, not the instant between (a page without one still fails).
  await page.waitForFunction(() => document.title.length > 0, null, { timeout: 3_000 }).catch(() => undefined);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes[0]?.target.join(" ")}`);
  expect(summary, "axe 无障碍检查").toEqual([]);
}

/** axe's heading-order (a best-practice rule, outside the WCAG tags above): heading levels go down one at a time. */
export async function expectHeadingOrder(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withRules(["heading-order"]).analyze();
  const summary = results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")} ${n.html.slice(0, 80)}`));
  expect(summary, "axe heading-order").toEqual([]);
}

/** Ticks every 风险点 of the current step's checklist (none: nothing to do), as a caseworker does before passing the step. */
export async function confirmRisks(page: Page): Promise<void> {
  const boxes = page.getByTestId("risk-checklist").getByRole("checkbox");
  for (const box of await boxes.all()) await box.check();
}

/** Opens a seeded service in the designer by its code (its title may be corrected by the seed); its service id. */
export async function openServiceByCode(page: Page, code: string): Promise<string> {
  await page.goto("/designer");
  await page.getByLabel("搜索事项").fill(code);
  await page.getByRole("row", { name: new RegExp(`\\b${code}\\b`) }).getByRole("link").click();
  await expect(page.getByRole("navigation", { name: "位置" })).toContainText(code);
  return page.url().split("/designer/services/")[1].split(/[?#]/)[0];
}
