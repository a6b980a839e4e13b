/**
 * 办事大厅 by place (issue 8): the applicant chooses their league, then their banner; the choice is
 * remembered across reloads; the catalogue and the guide say whose version they show (the
 * banner's, the league's or the region's). And supervision: a league administrator finds a
 * banner's case in 办件查询 marked 只读 and reads it without being offered any action.
 */
import { test, expect, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { signIn, expectAccessible } from "./helpers";
import { readTemplates } from "@/seed/loadTemplates";
import { applicantForms, requiredUploads } from "@/runtime/definition/requirements";
import { fileApplication } from "./api";

const SCREENS = process.env.E2E_SCREENS ?? "test-results/screens";
mkdirSync(SCREENS, { recursive: true });

/** The hall lists 150+ services: its shots keep to the first screen (the chooser and the first entries). */
const shot = (page: Page, name: string, fullPage = true) => page.screenshot({ path: `${SCREENS}/places-${name}.png`, fullPage });

async function query<T>(page: Page, path: string, input: unknown): Promise<T> {
  const response = await page.request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`);
  const body = await response.json();
  expect(response.ok(), `${path}: ${JSON.stringify(body.error ?? body)}`).toBeTruthy();
  return body.result.data as T;
}

test("选择办理地：先选盟市再选旗县，刷新后仍记得；办事大厅和办事指南标明适用的版本", async ({ page }) => {
  const def = readTemplates().find((d) => d.guide.levels.includes("banner"))!;
  await page.goto("/hall");
  await expect(page.getByTestId("current-place")).toHaveText("内蒙古自治区");
  const league = page.getByLabel("盟市", { exact: true });
  const banner = page.getByLabel("旗县（市、区）");
  await expect(banner).toBeDisabled();
  await league.selectOption({ label: "呼和浩特市" });
  // Only the chosen league's banners are offered.
  await expect(banner.locator("option", { hasText: "新城区" })).toHaveCount(1);
  await expect(banner.locator("option", { hasText: "昆都仑区" })).toHaveCount(0);
  await banner.selectOption({ label: "新城区" });
  await expectAccessible(page);
  await shot(page, "chooser", false);
  await page.getByRole("button", { name: "确定" }).click();
  await expect(page).toHaveURL(/\/hall$/);
  await expect(page.getByTestId("current-place")).toHaveText("呼和浩特市 / 新城区");

  await page.reload();
  await expect(page.getByTestId("current-place")).toHaveText("呼和浩特市 / 新城区");
  await expect(league).toHaveValue("150100");
  await expect(banner).toHaveValue("150102");
  await expect(page.getByText(/新城区适用的服务事项共 \d+ 项/)).toBeVisible();
  await expectAccessible(page);
  await shot(page, "hall-xincheng", false);

  // The demo variants (seed/demoVariants.ts): 新城区's own 就业困难人员认定申请 (s116), with its extra
  // material; 呼和浩特市's 失业登记申请 (s112), which 新城区 runs as its league's.
  await expect(page.getByRole("link", { name: /就业困难人员认定申请/ }).getByText("新城区版本")).toBeVisible();
  await expect(page.getByRole("link", { name: /失业登记申请/ }).first().getByText("呼和浩特市版本")).toBeVisible();
  await page.goto("/hall/services/s116");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("新城区版本");
  await expect(page.getByRole("cell", { name: /社区就业服务站入户核实记录/ })).toBeVisible();
  await expectAccessible(page);
  await shot(page, "guide-xincheng");
  await page.goto("/hall/services/s112");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("呼和浩特市版本");
  // Any other service: whichever office's version applies at 新城区, the guide names it.
  const atXincheng = await query<{ owner: { label: string } }>(page, "catalogue.get", { code: def.code, place: "150102" });
  await page.goto(`/hall/services/${def.code}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(atXincheng.owner.label);

  // Back to the whole region.
  await page.goto("/hall");
  await league.selectOption({ value: "" });
  await page.getByRole("button", { name: "确定" }).click();
  await expect(page.getByTestId("current-place")).toHaveText("内蒙古自治区");
  await page.goto("/hall/services/s116");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("自治区版本");
  await expect(page.getByText("社区就业服务站入户核实记录")).toHaveCount(0);
});

test("在线办理时选择的办理机构即办事大厅的办理地：返回办事指南显示该地适用的版本", async ({ page }) => {
  await signIn(page, "zhangsan");
  // no place chosen in the hall: the region's guide
  await page.goto("/hall/services/s116");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("自治区版本");
  await page.getByRole("link", { name: "在线办理" }).click();
  await expect(page).toHaveURL(/\/hall\/services\/s116\/apply$/);
  await page.getByLabel("第一步：选择盟市").selectOption({ label: "呼和浩特市" });
  await page.getByRole("radio", { name: "新城区" }).check();
  await page.waitForLoadState("networkidle");
  await expect(page.getByText(/已选择：新城区，按新城区版本的办事指南和表单办理/)).toBeVisible();

  // back to the guide (the breadcrumb): 新城区's own version, its place named
  await page.getByRole("navigation", { name: "面包屑" }).getByRole("link", { name: /就业困难人员认定申请/ }).click();
  await expect(page).toHaveURL(/\/hall\/services\/s116$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("新城区版本");
  await expect(page.getByText("办理地：呼和浩特市 / 新城区")).toBeVisible();
  await page.goto("/hall");
  await expect(page.getByTestId("current-place")).toHaveText("呼和浩特市 / 新城区");

  // a draft started at another banner's office: the hall's place follows it
  await page.goto("/hall/services/s116/apply");
  await page.getByLabel("第一步：选择盟市").selectOption({ label: "包头市" });
  await page.getByRole("radio", { name: "昆都仑区" }).check();
  await page.getByRole("button", { name: "开始填写" }).click();
  await expect(page).toHaveURL(/\/cases\/[^/]+\/edit$/);
  await page.goto("/hall/services/s116");
  await expect(page.getByText("办理地：包头市 / 昆都仑区")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).not.toContainText("新城区版本");
});

test("上级监督：盟市管理员在办件查询中看到旗县的办件标为只读，打开后不能办理", async ({ browser }) => {
  // a service a banner office runs, filed through the API with sample answers and every required material
  const def = readTemplates().find((d) => applicantForms(d).length <= 1 && requiredUploads(d).length === 0 && d.guide.levels.includes("banner"))!;
  const applicant = await (await browser.newContext()).newPage();
  await signIn(applicant, "zhangsan");
  const { caseNumber } = await fileApplication(applicant, def, "150103");

  const page = await (await browser.newContext()).newPage();
  await signIn(page, "hohhot.admin");
  await page.goto("/workbench");
  await expect(page).toHaveURL(/\/workbench\/cases$/);
  await page.getByLabel("经办机构").selectOption({ value: "150103" });
  const row = page.getByRole("row").filter({ hasText: caseNumber });
  await expect(row.getByText("只读")).toBeVisible();
  await expectAccessible(page);
  await shot(page, "supervision-list");
  await row.getByRole("link", { name: caseNumber }).click();
  await expect(page.getByTestId("read-only")).toContainText("回民区");
  await expect(page.getByRole("button", { name: "认领任务" })).toHaveCount(0);
  await expectAccessible(page);
  await shot(page, "supervision-case");
});
