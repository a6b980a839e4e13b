/**
 * 代办 end to end: a person (zhangsan) files 工伤认定 for a relative with the form the platform
 * built from the guide (《工伤认定申请表》, which the document names without a sample): the form
 * says it was generated and from which lines; the identity starts from the account; choosing
 * 代他人申请 moves it to the 代办人 block, asks the relation and makes the 授权委托书 required; a
 * typed ID that is not the account's is flagged; the case is filed. Every page passes axe.
 */
import { test, expect } from "@playwright/test";
import { signIn, expectAccessible } from "./helpers";
import { readTemplates } from "@/seed/loadTemplates";
import { applicantForms, requiredUploads } from "@/runtime/definition/requirements";
import { residentIdCheckChar } from "@/runtime/forms/formats";
import { FILING_ON_BEHALF } from "@/runtime/forms/identity";

const service = readTemplates().find((d) => d.code === "s074")!;
const form = applicantForms(service)[0];
const root = `form-${form.id}`;
const OWN_ID = "150102199003071237"; // zhangsan's account (seed/demoAccounts.ts)
const relativeId = (() => {
  const first17 = "15010219580214002";
  return first17 + residentIdCheckChar(first17);
})();
const pdf = (name: string) => ({ name, mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n") });

test("代他人申请工伤认定：近亲属代办，填写生成的《工伤认定申请表》，上传授权委托书后提交", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "zhangsan");

  // The guide: the office's hours and phone (12333 when the guide names none), the form as a material filled online.
  await page.goto(`/hall/services/${service.code}`);
  await expect(page.getByText("咨询电话")).toBeVisible();
  await expect(page.getByText(/12333/).first()).toBeVisible();
  await expectAccessible(page);

  await page.goto(`/hall/services/${service.code}/apply`);
  await page.getByLabel("第一步：选择盟市").selectOption({ label: "呼和浩特市" });
  await page.getByRole("radio").first().check();
  await page.getByRole("button", { name: "开始填写" }).click();
  await expect(page).toHaveURL(/\/cases\/[^/]+\/edit$/);

  // The generated form, prefilled from the account.
  await expect(page.getByRole("heading", { name: "第1步：工伤认定申请表" })).toBeVisible();
  await expect(page.getByTestId("generated-form-note")).toContainText("本表由平台生成");
  await expect(page.getByTestId("generated-form-note")).not.toContainText("行"); // the document's line numbers are the designer's
  await expect(page.locator(`#${root}_applicant_name`)).toHaveValue("张三");
  await expect(page.locator(`#${root}_applicant_idNumber`)).toHaveValue(OWN_ID);
  await expectAccessible(page);

  // Filing for oneself with someone else's ID is flagged.
  await page.locator(`#${root}_applicant_idNumber`).fill(relativeId);
  await expect(page.getByText("请核对身份信息")).toBeVisible();
  await expect(page.getByText(/与您账号登记的身份证号不一致/).first()).toBeVisible();

  // 代他人申请: the account becomes the 代办人; the applicant is the relative.
  await page.getByRole("radio", { name: FILING_ON_BEHALF }).check();
  await expect(page.locator(`#${root}_agent_name`)).toHaveValue("张三");
  await expect(page.locator(`#${root}_agent_idNumber`)).toHaveValue(OWN_ID);
  await page.getByRole("radio", { name: "近亲属" }).check();
  await page.locator(`#${root}_applicant_name`).fill("张建国");
  await page.locator(`#${root}_applicant_idNumber`).fill(relativeId);
  await page.locator(`#${root}_applicant_phone`).fill("13900471235");
  await expect(page.getByText("请核对身份信息")).toHaveCount(0);

  // What the document says the form contains: time, place, cause, degree of injury.
  await page.locator(`#${root}_matter_workerName`).fill("张建国");
  await page.locator(`#${root}_matter_workerIdNumber`).fill(relativeId);
  await page.getByLabel("事故发生时间").fill("2026-09-21");
  await page.getByLabel("事故发生地点").fill("呼和浩特市新城区某建筑工地");
  await page.getByLabel("事故发生原因").fill("搭设脚手架时高处坠落");
  await page.getByLabel("职工伤害程度").fill("左胫骨骨折，住院治疗");
  await page.locator(`#${root}_declaration_signed`).check();
  await page.locator(`#${root}_declaration_name`).fill("张三");
  await expectAccessible(page);
  await page.getByRole("button", { name: /^下一步/ }).click();

  // Materials: the 授权委托书 is now required.
  await expect(page.getByRole("heading", { name: /上传材料/ })).toBeVisible();
  const attorney = service.materials.find((m) => m.requiredWhen)!;
  await expect(page.getByTestId(`material-${attorney.id}`)).toContainText("必要（您选择了代他人申请）");
  await page.getByRole("button", { name: "下一步：确认" }).click();
  await expect(page.getByText(`缺少必要材料：${attorney.name}`)).toBeVisible();
  await page.getByRole("button", { name: "上一步" }).click();
  for (const m of [...requiredUploads(service), attorney]) await page.locator(`#file-${m.id}`).setInputFiles(pdf(`${m.id}.pdf`));
  await expect(page.getByText(`${attorney.id}.pdf`)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "下一步：确认" }).click();

  await expect(page.getByRole("heading", { name: /确认提交/ })).toBeVisible();
  await expect(page.getByText("提交前请完成以下内容")).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("button", { name: "提交申请" }).click();
  await expect(page).toHaveURL(/\/cases\/[^/]+\/submitted$/);
  await expectAccessible(page);
});
