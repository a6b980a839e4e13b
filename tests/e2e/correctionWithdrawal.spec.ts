/**
 * 撤回 and 补正 on 工伤认定 (s074), whose 补正 step opens no form of its own: the applicant may
 * withdraw only before 受理 (the page offers 撤回申请 only then, the server refuses it after); a
 * 一次性告知 that ticks the application form opens exactly that form to the correction, one that
 * ticks none shows it read-only (无需补正); files already submitted offer no 删除.
 */
import { test, expect, type Browser, type Page } from "@playwright/test";
import { signIn, confirmRisks } from "./helpers";
import { call, csrf, fileApplication } from "./api";
import { readTemplates } from "@/seed/loadTemplates";

const injury = readTemplates().find((def) => def.code === "s074")!;
const form = injury.forms[0];

interface StaffCase {
  application: { rowVersion: number };
  currentTask: { taskId: string; label: string } | null;
}

async function signedInPage(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, username);
  return page;
}

/** The caseworker asks for a correction on the workbench page, ticking `forms`. */
async function askCorrection(staff: Page, id: string, forms: string[], item?: string) {
  await staff.goto(`/workbench/cases/${id}`);
  await expect(staff.getByRole("heading", { name: "当前环节：申请受理" })).toBeVisible();
  await staff.getByRole("button", { name: "认领任务" }).click();
  await expect(staff.getByText("我已认领")).toBeVisible();
  await staff.getByRole("radio", { name: "一次性告知补正" }).check();
  if (item) await staff.getByRole("textbox", { name: "第1项" }).fill(item);
  for (const title of forms) await staff.getByTestId("correction-forms").getByRole("checkbox", { name: title }).check();
  await confirmRisks(staff);
  await staff.getByRole("button", { name: "确认：一次性告知补正" }).click();
  await expect(staff.getByRole("status").filter({ hasText: "已办理：一次性告知补正" })).toBeVisible();
}

test("撤回：受理前可以撤回；受理后页面不再提供撤回，服务器也拒绝", async ({ browser }) => {
  test.setTimeout(120_000);
  const applicant = await signedInPage(browser, "zhangsan");
  const staff = await signedInPage(browser, "xincheng.caseworker");

  const accepted = await fileApplication(applicant, injury, "150102");
  await applicant.goto(`/cases/${accepted.id}`);
  await expect(applicant.getByRole("button", { name: "撤回申请" })).toBeVisible();
  const view = await call<StaffCase>(staff, "workbench.case", { id: accepted.id }, "query");
  await call(staff, "workbench.act", { applicationId: accepted.id, taskId: view.currentTask!.taskId, actionId: "apply-2-approve", rowVersion: view.application.rowVersion });
  await applicant.reload();
  await expect(applicant.getByTestId("case-status")).toHaveText("办理中");
  await expect(applicant.getByRole("button", { name: "撤回申请" })).toHaveCount(0);
  const refused = await applicant.request.post("/api/trpc/applications.withdraw", { data: { id: accepted.id }, headers: { "x-csrf-token": await csrf(applicant) } });
  expect(refused.status()).toBe(400);
  expect((await refused.json()).error.message).toContain("办件已受理，不能撤回申请");

  const early = await fileApplication(applicant, injury, "150102");
  await applicant.goto(`/cases/${early.id}`);
  await applicant.getByRole("button", { name: "撤回申请" }).click();
  await applicant.getByLabel("撤回原因（选填）").fill("已在异地办理");
  await applicant.getByRole("button", { name: "确认撤回" }).click();
  await expect(applicant.getByTestId("case-status")).toHaveText("已撤回");
  await expect(applicant.getByRole("button", { name: "撤回申请" })).toHaveCount(0);
});

test("补正：一次性告知勾选的表单可以修改，其余只读；已提交的材料不能删除", async ({ browser }) => {
  test.setTimeout(180_000);
  const applicant = await signedInPage(browser, "zhangsan");
  const staff = await signedInPage(browser, "xincheng.caseworker");

  // The form ticked: editable in the 补正, and the change is accepted.
  const named = await fileApplication(applicant, injury, "150102");
  await askCorrection(staff, named.id, [form.title]);
  await applicant.goto(`/cases/${named.id}`);
  await expect(applicant.getByTestId("correction-items")).toContainText(`请修改完善：${form.title}`);
  await applicant.getByRole("link", { name: "去补正" }).click();
  await expect(applicant.getByRole("heading", { name: `第1步：${form.title}` })).toBeVisible();
  await expect(applicant.getByTestId("form-for-correction")).toBeVisible();
  await applicant.getByLabel("事故发生地点").fill("补正后的事故地点");
  await applicant.getByRole("button", { name: "下一步", exact: true }).click();
  // Step 2: the files submitted with the application stay; only a file added now may be deleted.
  await expect(applicant.getByRole("heading", { name: /第2步：补充材料/ })).toBeVisible();
  await expect(applicant.getByRole("button", { name: /^删除 / })).toHaveCount(0);
  const material = injury.materials.find((m) => m.required && !m.formId)!;
  await expect(applicant.getByTestId(`material-${material.id}`).getByText("已提交")).toBeVisible();
  await applicant.locator(`#file-${material.id}`).setInputFiles({ name: "补正.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") });
  await expect(applicant.getByRole("button", { name: "删除 补正.pdf" })).toBeVisible();
  await applicant.getByRole("button", { name: "下一步：确认" }).click();
  await applicant.getByRole("button", { name: "提交补正" }).click();
  await expect(applicant.getByText("补正材料已提交")).toBeVisible();
  const after = await call<{ application: { formData: Record<string, { matter: { place: string } }> } }>(applicant, "applications.get", { id: named.id }, "query");
  expect(after.application.formData[form.id].matter.place).toBe("补正后的事故地点");

  // No form ticked: the form is shown read-only, marked 无需补正.
  const plain = await fileApplication(applicant, injury, "150102");
  await askCorrection(staff, plain.id, [], `请补充提交：${material.name}`);
  await applicant.goto(`/cases/${plain.id}/correct`);
  await expect(applicant.getByRole("heading", { name: `第1步：${form.title}（无需补正）` })).toBeVisible();
  await expect(applicant.getByTestId("form-not-for-correction")).toContainText("无需补正");
  await expect(applicant.getByLabel("事故发生地点")).toHaveCount(0);
  await applicant.getByRole("button", { name: "下一步", exact: true }).click();
  await applicant.getByRole("button", { name: "下一步：确认" }).click();
  await expect(applicant.getByRole("region", { name: form.title }).getByText("无需补正")).toBeVisible();
  // The notice named the material: the file already there is what it asked about, so a new one is due.
  await applicant.getByRole("button", { name: "提交补正" }).click();
  const refusal = applicant.getByRole("alert").filter({ hasText: `请上传补正后的《${material.name}》` });
  await expect(refusal).toBeVisible();
  await refusal.getByRole("button", { name: "去修改" }).click();
  await applicant.locator(`#file-${material.id}`).setInputFiles({ name: "补正-2.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") });
  await expect(applicant.getByText("补正-2.pdf")).toBeVisible();
  await applicant.getByRole("button", { name: "下一步：确认" }).click();
  await applicant.getByRole("button", { name: "提交补正" }).click();
  await expect(applicant.getByText("补正材料已提交")).toBeVisible();
});
