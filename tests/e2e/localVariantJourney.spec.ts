/**
 * The whole life of a local variant (issue 8, "Done when"), through the browser (only the generated
 * application form is filled through the API):
 * 土默特左旗's administrator customises a region service (an extra material, a shorter promised
 * limit) and publishes; an applicant who chooses 土默特左旗 sees both and files a case that
 * reaches 土默特左旗's inbox; an applicant who chooses the neighbouring 新城区 sees neither; the
 * region publishes version 2 changing the promised limit the banner also changed; the banner
 * sees 有新版本, keeps its own value, applies and publishes version 2 of its variant; the case
 * filed before still shows the version it was filed under.
 */
import { call } from "./api";
import { readTemplates } from "@/seed/loadTemplates";
import { applicantForms } from "@/runtime/definition/requirements";
import { sampleFormData } from "@/runtime/forms/sample";
import { test, expect, type Browser, type Page } from "@playwright/test";
import { signIn, expectAccessible } from "./helpers";

const CODE = "s004"; // 机关事业单位注销社会保险登记: a generated application form, no materials, 3 working days, league and banner offices
const MATERIAL = "土默特左旗社保经办窗口出具的单位情况说明";
const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/e2e-artifacts/journey-${name}.png`, fullPage: true });
const pdf = (name: string) => ({ name, mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n") });

async function signedIn(browser: Browser, username: string | null): Promise<Page> {
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  if (username) await signIn(page, username);
  return page;
}

async function openInDesigner(page: Page, title?: RegExp): Promise<void> {
  await page.goto("/designer");
  await page.getByLabel("搜索事项").fill(CODE);
  const rows = page.getByRole("row", { name: new RegExp(`\\b${CODE}\\b`) });
  await (title ? rows.filter({ hasText: title }) : rows).first().getByRole("link").first().click();
  await expect(page.getByRole("navigation", { name: "位置" })).toContainText(CODE);
}

async function publish(page: Page, number: number): Promise<void> {
  await expect(page.getByTestId("save-state")).toContainText("已自动保存");
  await page.getByRole("button", { name: "发布", exact: true }).click();
  await page.getByRole("dialog", { name: "确认发布" }).getByRole("button", { name: "确认发布" }).click();
  await expect(page.getByText(`已发布第 ${number} 版。`)).toBeVisible();
}

async function choosePlace(page: Page, league: string, banner: string): Promise<void> {
  await page.goto("/hall");
  await page.getByLabel("盟市", { exact: true }).selectOption({ label: league });
  await page.getByLabel("旗县（市、区）").selectOption({ label: banner });
  await page.getByRole("button", { name: "确定" }).click();
  await expect(page.getByTestId("current-place")).toHaveText(`${league} / ${banner}`);
}

test("a banner's variant from design to case to rebase, with neighbours untouched", async ({ browser }) => {
  // 1. 土默特左旗's administrator: 定制本地版本, an extra material, 2 working days instead of 3, published.
  const admin = await signedIn(browser, "tumed.admin");
  await admin.goto("/designer");
  await admin.getByLabel("搜索事项").fill(CODE);
  await admin
    .getByRole("row", { name: new RegExp(`\\b${CODE}\\b`) })
    .filter({ has: admin.getByRole("button", { name: /定制本地版本/ }) })
    .getByRole("button", { name: /定制本地版本/ })
    .click();
  await expect(admin.getByTestId("variant-base")).toContainText("基于内蒙古自治区的第 1 版定制");
  await admin.getByRole("tab", { name: "材料" }).click();
  await admin.getByRole("button", { name: "添加材料" }).click();
  await admin.getByLabel("材料名称（第1项）").fill(MATERIAL);
  await admin.getByRole("tab", { name: "办事指南" }).click();
  await admin.getByLabel("承诺办结时限第1项的原文表述").fill("2个工作日");
  await admin.getByLabel("承诺办结时限第1项的天数").fill("2");
  await expect(admin.locator('[data-item-mark="guide.promisedLimit"]')).toContainText("本地修改");
  await publish(admin, 1);
  await expectAccessible(admin);

  // 2. An applicant at 土默特左旗 sees both, and files a case.
  const applicant = await signedIn(browser, "zhangsan");
  await choosePlace(applicant, "呼和浩特市", "土默特左旗");
  await applicant.goto(`/hall/services/${CODE}`);
  await expect(applicant.getByRole("heading", { level: 1 })).toContainText("土默特左旗版本");
  await expect(applicant.getByRole("cell", { name: MATERIAL })).toBeVisible();
  await expect(applicant.getByText("2个工作日").first()).toBeVisible();
  await expectAccessible(applicant);
  await shot(applicant, "1-guide-tumed");
  await applicant.goto(`/hall/services/${CODE}/apply`);
  await expect(applicant.getByRole("radio", { name: /土默特左旗/ })).toBeChecked();
  await expect(applicant.getByText(/按土默特左旗版本的办事指南和表单办理/)).toBeVisible();
  await applicant.getByRole("button", { name: "开始填写" }).click();
  await expect(applicant).toHaveURL(/\/cases\/[^/]+\/edit$/);
  // s004's application form (generated from its guide; portal.spec fills such forms on the screen) is
  // filled through the API here: this journey is about the variant's material and limit.
  const draftId = applicant.url().split("/").slice(-2)[0];
  await applicant.goto("/cases");
  const template = readTemplates().find((d) => d.code === CODE)!;
  const formData = Object.fromEntries(applicantForms(template).map((f) => [f.id, sampleFormData(f.schema)]));
  const draft = await call<{ application: { rowVersion: number } }>(applicant, "applications.get", { id: draftId }, "query");
  await call(applicant, "applications.saveDraft", { id: draftId, formData, rowVersion: draft.application.rowVersion });
  await applicant.goto(`/cases/${draftId}/edit`);
  for (const _form of applicantForms(template)) await applicant.getByRole("button", { name: /^下一步/ }).click();
  await applicant.locator('input[type="file"]').first().setInputFiles(pdf(`${MATERIAL}.pdf`));
  // The file's name shows already while it uploads (「正在上传…」): wait until it is stored and listed.
  await expect(applicant.getByRole("button", { name: `删除 ${MATERIAL}.pdf` })).toBeVisible();
  await applicant.getByRole("button", { name: /^下一步/ }).click();
  await expect(applicant.getByRole("heading", { name: /确认提交/ })).toBeVisible();
  await applicant.getByRole("button", { name: "提交申请" }).click();
  await expect(applicant).toHaveURL(/\/cases\/[^/]+\/submitted$/);
  const caseId = applicant.url().split("/").slice(-2)[0];
  const caseNumber = (await applicant.getByTestId("case-number").textContent())?.trim() ?? "";
  expect(caseNumber).not.toBe("");

  // 3. The case is in 土默特左旗's inbox.
  const caseworker = await signedIn(browser, "tumed.caseworker");
  await caseworker.goto("/workbench");
  await expect(caseworker.getByRole("row").filter({ hasText: caseNumber })).toBeVisible();

  // 4. A neighbour at 新城区 sees neither the material nor the shorter limit.
  const neighbour = await signedIn(browser, null);
  await choosePlace(neighbour, "呼和浩特市", "新城区");
  await neighbour.goto(`/hall/services/${CODE}`);
  await expect(neighbour.getByRole("heading", { level: 1 })).toContainText("自治区版本");
  await expect(neighbour.getByText(MATERIAL)).toHaveCount(0);
  await expect(neighbour.getByText("2个工作日")).toHaveCount(0);
  await shot(neighbour, "2-guide-xincheng");

  // 5. The region publishes version 2, changing the promised limit's wording.
  const region = await signedIn(browser, "region.admin");
  await openInDesigner(region);
  await region.getByRole("tab", { name: "办事指南" }).click();
  await region.getByLabel("承诺办结时限第1项的原文表述").fill("3个工作日（自受理之日起）");
  await publish(region, 2);

  // 6. The banner: 有新版本, the conflict on the limit, keep its own, apply, publish.
  await admin.goto("/designer");
  await admin.getByLabel("搜索事项").fill(CODE);
  await expect(admin.getByRole("row", { name: new RegExp(`\\b${CODE}\\b`) }).filter({ hasText: "本地版本 · 土默特左旗" })).toContainText("有新版本");
  await openInDesigner(admin, /本地版本 · 土默特左旗/);
  const notice = admin.getByRole("region", { name: "有新版本" });
  await expect(notice).toContainText("内蒙古自治区已发布第 2 版");
  await notice.getByRole("button", { name: "比较并更新" }).click();
  const conflict = notice.getByRole("listitem").filter({ hasText: "上级和本地都修改了此项" });
  await expect(conflict).toHaveCount(1);
  await expect(conflict).toContainText("承诺办结时限");
  await expect(conflict).toContainText("3个工作日（自受理之日起）");
  await expectAccessible(admin);
  await shot(admin, "3-rebase");
  await conflict.getByRole("radio", { name: "保留本地" }).check();
  await notice.getByRole("button", { name: "应用更新（写入草稿）" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "已把本地版本更新到上级的第 2 版" })).toBeVisible();
  await publish(admin, 2);

  // 7. The case filed before runs on the version it was filed under.
  await applicant.goto(`/cases/${caseId}`);
  await expect(applicant.getByTestId("case-version")).toHaveText("土默特左旗版本 第 1 版");
  await applicant.getByText("申请内容与材料").click();
  await expect(applicant.getByText(MATERIAL).first()).toBeVisible();
  await expectAccessible(applicant);
  await shot(applicant, "4-case");
});
