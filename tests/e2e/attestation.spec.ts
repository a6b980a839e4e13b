/**
 * The applicant's own attestation and the review of what they filed: the 「本人承诺…本人签字确认」
 * box of a generated form whose signature is required (失业登记申请 s112) stays unticked while
 * the other fields are typed in and after a reload, and a tick is the person's click, with its
 * date; the 确认提交 summary of 工伤认定 (s074) names every field by its title (the applicant's
 * 公民身份号码, declared in a condition of the form) in the form's order; and lists only what the
 * person's form shows (城乡居民基本养老保险注销 s070: not the organisations' 申请人（盖章） nor the office's fields).
 */
import { test, expect, type Page } from "@playwright/test";
import { signIn } from "./helpers";
import { readTemplates } from "@/seed/loadTemplates";
import { applicantForms } from "@/runtime/definition/requirements";

const rootOf = (code: string) => `form-${applicantForms(readTemplates().find((d) => d.code === code)!)[0].id}`;

async function startDraft(page: Page, code: string) {
  await signIn(page, "zhangsan");
  await page.goto(`/hall/services/${code}/apply`);
  await page.getByLabel("第一步：选择盟市").selectOption({ label: "呼和浩特市" });
  await page.getByRole("radio", { name: "新城区" }).check();
  await page.getByRole("button", { name: "开始填写" }).click();
  await expect(page).toHaveURL(/\/cases\/[^/]+\/edit$/);
}

test("签字确认框只由申请人本人勾选：填写其他栏目、刷新后仍未勾选；勾选时填入签字日期", async ({ page }) => {
  const root = rootOf("s112");
  await startDraft(page, "s112");
  const box = page.locator(`#${root}_declaration_signed`);
  const id = page.locator(`#${root}_applicant_idNumber`);
  await expect(id).not.toHaveValue(""); // prefilled from the account
  await expect(box).not.toBeChecked();

  await id.press("End");
  await id.press("Backspace");
  await expect(box).not.toBeChecked();
  await page.locator(`#${root}_applicant_address`).fill("呼和浩特市新城区");
  await page.locator(`#${root}_applicant_phone`).fill("13800471234");
  await page.locator(`#${root}_applicant_name`).fill("张三");
  await expect(box).not.toBeChecked();
  await expect(page.locator(`#${root}_declaration_date`)).toHaveValue("");
  await expect(page.getByTestId("save-status")).toContainText("已保存");
  await page.reload();
  await expect(page.locator(`#${root}_applicant_address`)).toHaveValue("呼和浩特市新城区");
  await expect(box).not.toBeChecked();
  await page.locator(`#${root}_applicant_address`).fill("呼和浩特市新城区新华大街");
  await expect(box).not.toBeChecked();

  // The person's own click ticks it, with today's date as its 签字日期.
  await box.check();
  const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai" }).format(new Date());
  await expect(page.locator(`#${root}_declaration_date`)).toHaveValue(today);
  await page.locator(`#${root}_applicant_address`).fill("呼和浩特市新城区");
  await expect(box).toBeChecked();
});

test("工伤认定的确认提交页：申请人的公民身份号码以栏目名称显示，按表单顺序排列", async ({ page }) => {
  await startDraft(page, "s074");
  const root = rootOf("s074");
  await expect(page.locator(`#${root}_applicant_idNumber`)).not.toHaveValue("");
  await page.locator(`#${root}_applicant_address`).fill("呼和浩特市新城区");
  await expect(page.getByTestId("save-status")).toContainText("已保存");
  await page.getByRole("button", { name: /确认提交/ }).click();
  await expect(page.getByRole("heading", { name: /确认提交/ })).toBeVisible();
  const summary = page.locator("section", { has: page.getByRole("heading", { name: "工伤认定申请表" }) });
  await expect(summary.getByText("公民身份号码", { exact: true })).toBeVisible();
  await expect(summary.getByText("idNumber")).toHaveCount(0);
  const applicant = summary.locator("dd", { has: page.getByText("申请人类型", { exact: true }) }).first();
  const titles = (await applicant.locator("dt").allTextContents()).map((t) => t.trim());
  expect(titles).toEqual(["申请人类型", "姓名（单位申请的，填经办人姓名）", "公民身份号码", "联系电话", "联系地址"]);
});

test("个人的确认提交页只列出其表单显示的栏目：不列单位盖章（申请人）和经办机构填写的栏目", async ({ page }) => {
  await startDraft(page, "s070");
  const root = rootOf("s070");
  // the person's form: their own signature, no organisation's seal, nothing the office fills
  await expect(page.locator(`#${root}_f23_signature`)).toBeVisible();
  await expect(page.locator(`#${root}_f20_applicant`)).toHaveCount(0);
  await expect(page.locator(`#${root}_f22`)).toHaveCount(0);
  await expect(page.locator(`#${root}_f21_opinion`)).toHaveCount(0);
  await page.getByRole("button", { name: /确认提交/ }).click();
  await expect(page.getByRole("heading", { name: /确认提交/ })).toBeVisible();
  const summary = page.locator("section", { has: page.getByRole("heading", { name: "城乡居民基本养老保险注销登记表" }) });
  await expect(summary.getByText("申请人签字", { exact: true })).toBeVisible();
  const titles = (await summary.locator("dt").allTextContents()).map((t) => t.trim());
  for (const hidden of ["申请人", "经办人", "县（市、区）社保机构审核意见"]) expect(titles, hidden).not.toContain(hidden);
});
