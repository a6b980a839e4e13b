/**
 * 工伤认定 from application to 认定工伤决定书: the applicant files (through the API; the
 * application screens are portal.spec.ts's), a caseworker accepts, a second one investigates (the
 * first may not: 不相容岗位分离), and at
 * 作出决定 must choose an outcome (不予认定工伤 would need a reason); the decision is on the
 * case for staff and applicant, its document prints on A4 with the office, 12333 and a
 * verification QR code, and the public check page — opened without signing in — shows the
 * document's number, date and issuer only; a forged code finds nothing (未找到).
 */
import { test, expect, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { signIn, expectAccessible } from "./helpers";
import { call, csrf, fileApplication } from "./api";
import { readTemplates } from "@/seed/loadTemplates";

const SCREENS = process.env.E2E_SCREENS ?? "test-results/screens";
mkdirSync(SCREENS, { recursive: true });

const injury = readTemplates().find((def) => def.code === "s074")!;

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SCREENS}/decisions-${name}.png`, fullPage: true });
}

interface StaffCase {
  application: { rowVersion: number };
  currentTask: { taskId: string; label: string } | null;
}

test("工伤认定：受理、调查核实后作出认定工伤决定，出具认定工伤决定书并可公开核验", async ({ browser }) => {
  test.setTimeout(180_000);
  expect(injury?.title).toBe("工伤认定");
  const applicant = await (await browser.newContext()).newPage();
  await signIn(applicant, "zhangsan");
  const filed = await fileApplication(applicant, injury, "150102");

  // 受理 through the API as the office's caseworker; 调查核实 (工伤认定's 审核) must be someone
  // else's (不相容岗位分离): the page does not offer it to them and the server refuses it.
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, "xincheng.caseworker");
  const act = async (page: Page, actionId: string) => {
    const view = await call<StaffCase>(page, "workbench.case", { id: filed.id }, "query");
    return { applicationId: filed.id, taskId: view.currentTask!.taskId, actionId, rowVersion: view.application.rowVersion };
  };
  await call(staff, "workbench.act", await act(staff, "apply-2-approve"));
  await staff.goto(`/workbench/cases/${filed.id}`);
  await expect(staff.getByRole("heading", { name: "当前环节：调查核实" })).toBeVisible();
  await expect(staff.getByRole("button", { name: "认领任务" })).toHaveCount(0);
  await expect(staff.getByText("本环节须由与上一环节不同的工作人员办理，您已办理本件的上一环节")).toBeVisible();
  const refused = await staff.request.post("/api/trpc/workbench.act", { data: await act(staff, "review-approve"), headers: { "x-csrf-token": await csrf(staff) } });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.message).toContain("须由与上一环节“申请受理”不同的工作人员办理");
  const second = await (await browser.newContext()).newPage();
  await signIn(second, "xincheng.caseworker2");
  await call(second, "workbench.act", await act(second, "review-approve"));
  // The decision, on the page, by the first caseworker (who did not investigate).
  await staff.goto(`/workbench/cases/${filed.id}`);
  await expect(staff.getByRole("heading", { name: "当前环节：作出决定" })).toBeVisible();
  await staff.getByRole("button", { name: "认领任务" }).click();
  await staff.getByRole("radio", { name: "完成" }).check();
  const choice = staff.getByTestId("outcome-choice");
  await expect(choice.getByRole("radio")).toHaveCount(2);
  // An outcome is required; 不予认定工伤 needs its reason.
  await staff.getByRole("button", { name: "确认：完成" }).click();
  await expect(staff.getByRole("alert").filter({ hasText: "请选择决定结果" })).toBeVisible();
  await choice.getByRole("radio", { name: "不予认定工伤" }).check();
  await expect(choice).toContainText("将出具《不予认定工伤决定书》，须说明理由");
  await staff.getByRole("button", { name: "确认：完成" }).click();
  await expect(staff.getByRole("alert").filter({ hasText: "请填写“不予认定工伤”的理由" })).toBeVisible();
  await choice.getByRole("radio", { name: "认定工伤", exact: true }).check();
  await expectAccessible(staff);
  await shot(staff, "1-decision-step");
  await staff.getByRole("button", { name: "确认：完成" }).click();
  await expect(staff.getByRole("status").filter({ hasText: "已办理：完成" })).toBeVisible();
  await expect(staff.getByTestId("case-decision")).toContainText("决定结果：认定工伤");
  await expect(staff.getByTestId("timeline")).toContainText("完成：认定工伤");
  await expect(staff.getByTestId("case-documents")).toContainText("《认定工伤决定书》");

  // The applicant sees the decision and its document.
  await applicant.goto(`/cases/${filed.id}`);
  await expect(applicant.getByTestId("case-decision")).toContainText("认定工伤");
  await expect(applicant.getByTestId("case-documents")).toContainText("《受理通知书》");
  await expectAccessible(applicant);
  await shot(applicant, "2-applicant-case");
  await applicant.getByRole("link", { name: "《认定工伤决定书》" }).click();
  await expect(applicant.getByRole("heading", { name: "认定工伤决定书", level: 1 })).toBeVisible();
  const number = (await applicant.getByTestId("letter-number").textContent())!;
  expect(number).toMatch(/^150102人社决〔\d{4}〕\d{5}号$/);
  await expect(applicant.getByText("本机构决定：认定工伤。")).toBeVisible();
  await expect(applicant.getByTestId("rights-notice")).toContainText("六十日内依法申请行政复议");
  await expect(applicant.getByTestId("rights-notice")).toContainText("六个月内依法向人民法院提起行政诉讼");
  const footer = applicant.getByTestId("letter-footer");
  await expect(footer).toContainText("新城区人力资源和社会保障局");
  await expect(footer).toContainText("咨询电话：12333");
  await expect(footer.getByRole("img", { name: /^文书核验二维码/ })).toBeVisible();
  const code = (await applicant.getByTestId("verification-code").textContent())!;
  expect(code).toMatch(/^[2-9A-Z]{4}(-[2-9A-Z]{4}){3}$/);
  await expectAccessible(applicant);
  await shot(applicant, "3-decision-document");
  // Printed: an A4 page with only the letter (no navigation or buttons).
  await applicant.emulateMedia({ media: "print" });
  await expect(applicant.getByRole("button", { name: "打印" })).toBeHidden();
  await applicant.setViewportSize({ width: 794, height: 1123 });
  await shot(applicant, "4-decision-print");
  const pdf = await applicant.pdf({ format: "A4", preferCSSPageSize: true });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  await applicant.emulateMedia({ media: "screen" });

  // The QR code's address, opened by anyone: number, title, date and issuer — not who or why.
  const href = await applicant.getByTestId("verification-link").getAttribute("href");
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(href!);
  await expect(visitor.getByTestId("verify-found")).toBeVisible();
  await expect(visitor.getByTestId("verify-number")).toHaveText(number);
  await expect(visitor.getByTestId("verify-title")).toHaveText("认定工伤决定书");
  await expect(visitor.getByTestId("verify-issuer")).toHaveText("新城区人力资源和社会保障局");
  await expect(visitor.getByTestId("verify-date")).toHaveText(/^\d{4}年\d{1,2}月\d{1,2}日$/);
  await expect(visitor.locator("main")).not.toContainText("张三");
  await expect(visitor.locator("main")).not.toContainText(filed.caseNumber);
  await expectAccessible(visitor);
  await shot(visitor, "5-verify");

  // Typed in by hand (lower case, dashes) it is found; a forged one is not.
  await visitor.goto("/verify");
  await visitor.getByLabel("核验码").fill(code.toLowerCase());
  await visitor.getByRole("button", { name: "核验" }).click();
  await expect(visitor.getByTestId("verify-number")).toHaveText(number);
  const forged = `${code.slice(0, -1)}${code.endsWith("Z") ? "Y" : "Z"}`;
  await visitor.getByLabel("核验码").fill(forged);
  await visitor.getByRole("button", { name: "核验" }).click();
  await expect(visitor.getByTestId("verify-not-found")).toContainText("未找到");
  await expectAccessible(visitor);
  await shot(visitor, "6-verify-not-found");
});

test("设计器“文书”页：管理员编辑工伤认定的决定结果和认定工伤决定书文本，预览随之变化", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
  await signIn(page, "region.admin");
  await page.goto("/designer");
  await page.getByLabel("搜索事项").fill("s074");
  await page.getByRole("row", { name: /\bs074\b/ }).getByRole("link").click();
  await page.getByRole("tab", { name: "文书" }).click();
  // The decision step and its outcomes, as the seed gave them.
  await expect(page.getByRole("combobox", { name: "环节" })).toHaveValue("approve");
  const section = page.locator('[data-document-kind="outcome-granted"]');
  await expect(section.getByRole("heading", { name: "《认定工伤决定书》" })).toBeVisible();
  const body = section.getByLabel("正文（段落之间空一行）");
  await body.fill(`${await body.inputValue()}\n\n请用人单位自收到本决定书之日起按规定申报工伤保险待遇。`);
  await expect(section.getByRole("group", { name: "《认定工伤决定书》预览" })).toContainText("请用人单位自收到本决定书之日起按规定申报工伤保险待遇。");
  // An unknown placeholder is named.
  await body.fill("{申请人}：{姓名}");
  await expect(section.getByRole("alert")).toHaveText("无法识别的占位符：{姓名}");
  await expectAccessible(page);
  await page.screenshot({ path: `${SCREENS}/decisions-7-designer.png`, fullPage: false });
});
