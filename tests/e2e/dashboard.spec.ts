/**
 * 统计分析 and deadline warnings end to end: cases are filed through the real API at 新城区
 * (150102); two of its 受理 steps are then given deadlines the case clock has reached (one past,
 * one today: no screen sets a deadline). The office's caseworker sees them marked 已超期 and
 * 今日到期 at the top of the inbox; the league's administrator (呼和浩特市, above 新城区) opens the
 * dashboard, reads a chart as its table and exports it as CSV. axe on every view; screenshots.
 */
import { test, expect, type Page } from "@playwright/test";
import { mkdirSync, readFileSync } from "node:fs";
import Database from "better-sqlite3";
import { signIn, expectAccessible } from "./helpers";
import { fileApplication } from "./api";
import { readTemplates } from "@/seed/loadTemplates";
import { requiredUploads } from "@/runtime/definition/requirements";
import type { ServiceDefinition, TaskNode } from "@/runtime/definition/schema";
import { e2eDatabaseUrl } from "@/tests/support/e2eDatabase";

const SCREENS = process.env.E2E_SCREENS ?? "test-results/screens";
mkdirSync(SCREENS, { recursive: true });
const PHONE = { width: 375, height: 812 };
const PORT = Number(process.env.E2E_PORT ?? 3100);
/** The test server's case clock starts on this day (playwright.config.ts). */
const TODAY = "2026-09-30";

const staffTasks = (def: ServiceDefinition) => def.flow.nodes.filter((n): n is TaskNode => n.type === "task" && n.role !== "applicant");
/** A service a person applies for at a banner office, without uploads, whose first step is a caseworker's. */
const service = readTemplates().find(
  (def) => staffTasks(def)[0]?.role === "caseworker" && requiredUploads(def).length === 0 && (def.guide.levels.length === 0 || def.guide.levels.includes("banner")),
);

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SCREENS}/dashboard-${name}.png`, fullPage: true });
}

test("经办人员看到已超期、今日到期的待办；盟市工作人员查看统计分析，切换表格并导出 CSV", async ({ browser }) => {
  test.setTimeout(180_000);
  expect(service, "a seeded service a banner office handles").toBeTruthy();
  const def = service!;
  const applicant = await (await browser.newContext()).newPage();
  await signIn(applicant, "zhangsan");
  const overdue = await fileApplication(applicant, def, "150102");
  const dueToday = await fileApplication(applicant, def, "150102");
  await fileApplication(applicant, def, "150102");
  const db = new Database(e2eDatabaseUrl(PORT).slice("file:".length));
  // Other specs file cases at these offices too (the e2e database is shared): the figures expected
  // are those of the database, counted here independently of the dashboard's own queries.
  let leagueReceived: number;
  let xinchengReceived: number;
  try {
    const setDue = db.prepare(`UPDATE "Task" SET "dueDate" = ? WHERE "applicationId" = ? AND "status" IN ('open', 'claimed')`);
    setDue.run("2026-09-28", overdue.id);
    setDue.run(TODAY, dueToday.id);
    const received = db.prepare(`SELECT COUNT(*) AS n FROM "Application" WHERE "officeId" LIKE ? AND "submittedAt" IS NOT NULL AND "status" <> 'draft'`);
    leagueReceived = (received.get("1501%") as { n: number }).n;
    xinchengReceived = (received.get("150102") as { n: number }).n;
  } finally {
    db.close();
  }
  expect(xinchengReceived).toBeGreaterThanOrEqual(3);

  // The inbox: most urgent first, marked.
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, "xincheng.caseworker");
  const rows = staff.getByRole("row");
  await expect(rows.filter({ hasText: overdue.caseNumber })).toContainText("已超期");
  await expect(rows.filter({ hasText: dueToday.caseNumber })).toContainText("今日到期");
  await expect(rows.nth(1)).toContainText(overdue.caseNumber);
  await expect(rows.nth(2)).toContainText(dueToday.caseNumber);
  await expectAccessible(staff);
  await shot(staff, "1-inbox");

  // The league's administrator: the navigation leads to 统计分析.
  const league = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await signIn(league, "hohhot.admin");
  await league.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "统计分析" }).click();
  await expect(league.getByRole("heading", { name: "统计分析" })).toBeVisible();
  await expect(league.getByTestId("figure-受理")).toHaveText(String(leagueReceived));
  await expect(league.getByTestId("figure-当前超期")).toHaveText("0"); // the case's own deadline is not past; its step's is
  const warnings = league.getByRole("table", { name: "期限预警" });
  await expect(warnings.getByRole("row").filter({ hasText: overdue.caseNumber })).toContainText("已超期");
  await expect(warnings.getByRole("row").filter({ hasText: dueToday.caseNumber })).toContainText("今日到期");
  const panel = league.getByTestId("panel-office");
  await expect(panel.locator("canvas").first()).toBeVisible();
  await expectAccessible(league);
  await shot(league, "2-dashboard");

  await panel.getByRole("button", { name: "表格" }).click();
  const table = panel.getByRole("table", { name: "按经办机构" });
  const row = table.getByRole("row").filter({ hasText: "新城区" });
  await expect(row.getByRole("cell").first()).toHaveText(String(xinchengReceived));
  await expect(row.getByRole("link", { name: "新城区" })).toHaveAttribute("href", "/workbench/cases?officeId=150102");
  await expectAccessible(league);

  const [download] = await Promise.all([league.waitForEvent("download"), panel.getByRole("button", { name: "导出 CSV" }).click()]);
  expect(download.suggestedFilename()).toBe(`统计分析-按经办机构-${TODAY}.csv`);
  const csv = readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
  expect(csv.split("\r\n")[0]).toBe("经办机构,受理,办结,不予办理,撤回,承诺时限内办结率,法定时限内办结率,当前超期,3个工作日内到期,一次性告知率");
  expect(csv).toContain(`新城区,${xinchengReceived},`);

  // Drill-down: the office's cases in 办件查询.
  await row.getByRole("link", { name: "新城区" }).click();
  await expect(league.getByRole("heading", { name: "办件查询" })).toBeVisible();
  await expect(league.getByLabel("经办机构")).toHaveValue("150102");
  await expect(league.getByRole("row").filter({ hasText: overdue.caseNumber })).toBeVisible();

  // On a phone: no sideways scrolling of the page; the table scrolls inside its panel.
  await league.setViewportSize(PHONE);
  await league.goto("/workbench/dashboard");
  await expect(league.getByTestId("panel-month").locator("canvas").first()).toBeVisible();
  expect(await league.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), "统计分析在 375px 宽度下不应出现横向滚动").toBeLessThanOrEqual(0);
  await expectAccessible(league);
  await shot(league, "3-dashboard-phone");
});
