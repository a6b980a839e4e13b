/**
 * Local variants against the region's new version, end to end: a 新城区 variant of a region
 * service changes its 窗口办理地址 (seeded straight into the database until the designer can
 * create variants); the region's administrator changes the same field and publishes version 2;
 * the overview shows the variant behind; 新城区's administrator sees 有新版本 in the list and
 * above the editor, compares the three sides, edits the conflict, applies and publishes; the
 * overview then shows the variant on version 2 with its one change. Pages pass axe.
 */
import { execFileSync } from "node:child_process";
import { test, expect, type Browser, type Page } from "@playwright/test";
import { e2eDatabaseUrl } from "@/tests/support/e2eDatabase";
import { signIn, expectAccessible } from "./helpers";

const CODE = "s066";
const LOCAL = "新城区政务服务中心二楼社保窗口";
const REGION = "自治区政务服务大厅一楼综合窗口";
const MERGED = "新城区政务服务中心二楼社保窗口（自治区政务服务大厅一楼亦可办理）";

async function signedIn(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await signIn(page, username);
  return page;
}

/** Opens the region's template of `code`, or with `office` that office's local version (the list shows both to those who read them). */
async function openByCode(page: Page, code: string, office?: string): Promise<void> {
  await page.goto("/designer");
  await page.getByLabel("搜索事项").fill(code);
  const rows = page.getByRole("row", { name: new RegExp(`\\b${code}\\b`) });
  const row = office ? rows.filter({ hasText: `本地版本 · ${office}` }) : rows.filter({ hasNotText: "本地版本 ·" });
  await row.getByRole("link").first().click();
  await expect(page.getByRole("navigation", { name: "位置" })).toContainText(code);
}

async function publish(page: Page, number: number): Promise<void> {
  await expect(page.getByTestId("save-state")).toContainText("已自动保存");
  await page.getByRole("button", { name: "发布" }).click();
  await page.getByRole("dialog", { name: "确认发布" }).getByRole("button", { name: "确认发布" }).click();
  await expect(page.getByText(`已发布第 ${number} 版。`)).toBeVisible();
}

test("a banner's variant meets the region's new version: 有新版本, a conflict edited, applied, published; the overview", async ({ browser }) => {
  const port = process.env.E2E_PORT ?? 3100;
  const overlay = JSON.stringify({ set: { "guide.officeAddress": LOCAL } });
  execFileSync(process.execPath, ["--import", "tsx", "tests/support/e2eSeedVariant.ts", e2eDatabaseUrl(port), CODE, "150102", overlay], { encoding: "utf8" });

  // The region changes the same field and publishes version 2.
  const region = await signedIn(browser, "region.admin");
  await openByCode(region, CODE);
  await region.getByRole("tab", { name: "办事指南" }).click();
  await region.getByLabel("窗口办理地址").fill(REGION);
  await publish(region, 2);

  // The overview: 新城区 runs a variant of it, now behind.
  await region.goto("/designer/variants");
  const serviceRow = region.getByRole("row", { name: new RegExp(`\\b${CODE}\\b`) });
  await expect(serviceRow).toContainText("1 个单位");
  await expect(serviceRow.getByRole("cell").nth(3)).toHaveText("1 个");
  await serviceRow.getByRole("button", { name: /各单位情况/ }).click();
  const xinchengRow = region.getByRole("row", { name: /新城区/ });
  await expect(xinchengRow).toContainText("内蒙古自治区第 1 版");
  await expect(xinchengRow).toContainText("有新版本（上级第 2 版）");
  await expectAccessible(region);

  // 新城区's administrator: marked in the list, a banner above the editor.
  const banner = await signedIn(browser, "xincheng.admin");
  await banner.goto("/designer");
  await banner.getByLabel("搜索事项").fill(CODE);
  await expect(banner.getByRole("row", { name: new RegExp(`\\b${CODE}\\b`) }).filter({ hasText: "本地版本 · 新城区" })).toContainText("有新版本");
  await openByCode(banner, CODE, "新城区");
  const notice = banner.getByRole("region", { name: "有新版本" });
  await expect(notice).toContainText("内蒙古自治区已发布第 2 版，新城区的本地版本基于第 1 版");
  // under the service's heading, not above the page's breadcrumb (found by QA)
  const below = await notice.evaluate((el) => {
    const heading = document.querySelector("h1");
    return !!heading && !!(heading.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  expect(below).toBe(true);
  await notice.getByRole("button", { name: "比较并更新" }).click();
  const conflict = notice.getByRole("listitem").filter({ hasText: "上级和本地都修改了此项" });
  await expect(conflict).toHaveCount(1);
  await expect(conflict).toContainText("窗口办理地址");
  await expect(conflict).toContainText(REGION);
  await expect(conflict).toContainText(LOCAL);
  const apply = notice.getByRole("button", { name: "应用更新（写入草稿）" });
  await expect(apply).toBeDisabled();
  await expect(notice).toContainText("还有 1 处冲突没有处理");
  await expectAccessible(banner);
  await banner.screenshot({ path: "test-results/e2e-artifacts/variants-rebase-compare.png", fullPage: true });

  await conflict.getByRole("radio", { name: "编辑" }).check();
  await conflict.getByRole("textbox").fill(MERGED);
  await expect(apply).toBeEnabled();
  await apply.click();
  await expect(banner.getByRole("status").filter({ hasText: "已把本地版本更新到上级的第 2 版" })).toBeVisible();
  await expect(banner.getByRole("region", { name: "有新版本" })).toHaveCount(0);
  await banner.getByRole("tab", { name: "办事指南" }).click();
  await expect(banner.getByLabel("窗口办理地址")).toHaveValue(MERGED);
  await expectAccessible(banner);
  await publish(banner, 2);

  // The overview now: on version 2, one change.
  await banner.goto("/designer/variants");
  await banner.getByRole("row", { name: new RegExp(`\\b${CODE}\\b`) }).getByRole("button", { name: /各单位情况/ }).click();
  const own = banner.getByRole("row", { name: /新城区/ });
  await expect(own).toContainText("内蒙古自治区第 2 版");
  await expect(own).toContainText("已是最新");
  await expect(own.getByRole("cell").nth(3)).toHaveText("1");
  await own.getByRole("button", { name: /查看差异/ }).click();
  const differences = banner.getByRole("region", { name: /差异/ });
  await expect(differences).toContainText("本地修改");
  await expect(differences).toContainText(MERGED);
  await expectAccessible(banner);
  await banner.screenshot({ path: "test-results/e2e-artifacts/variants-overview.png", fullPage: true });
});
