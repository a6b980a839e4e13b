/**
 * 办事大厅 end to end, at phone width (375 px): an organisation reads a service's guide without
 * signing in, applies (office, forms with Chinese errors, attestation, uploads, drafts that
 * survive a reload, review, one submission), gets a receipt whose dates match the working-day
 * calendar; the office asks for a correction (一次性告知), the applicant answers it, and the
 * case goes 受理 → 审核 → 复核 → 办结 in the workbench; the applicant sees the result.
 */
import { test, expect, type Browser, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { signIn, expectAccessible, confirmRisks } from "./helpers";
import { TEST_DEMO_PASSWORD } from "@/tests/support/demoPassword";
import { readTemplates } from "@/seed/loadTemplates";
import { applicantForms, requiredUploads } from "@/runtime/definition/requirements";
import { caseLimitFor, promisedLimitFor } from "@/runtime/definition/caseLimit";
import { attestationModeOf } from "@/runtime/forms/attestation";
import { sampleValue } from "@/runtime/forms/sample";
import { chinaDateOf, createWorkCalendar, dueDate } from "@/runtime/calendar";
import type { ServiceDefinition, TaskNode } from "@/runtime/definition/schema";

const PHONE = { width: 375, height: 812 };
const SCREENS = process.env.E2E_SCREENS ?? "test-results/screens";
mkdirSync(SCREENS, { recursive: true });

type Schema = Record<string, unknown> & { properties?: Record<string, Schema>; required?: string[]; items?: Schema; enum?: unknown[]; type?: string };

const staffTasks = (def: ServiceDefinition) => def.flow.nodes.filter((n): n is TaskNode => n.type === "task" && n.role !== "applicant");

/** A seeded service whose flow is 受理 (with 一次性告知) → 审核 → 复核 (reviewer) → 办结, with a material to upload. */
function pickService(): ServiceDefinition {
  const found = readTemplates().find((def) => {
    const tasks = staffTasks(def);
    const at = (label: string) => tasks.findIndex((t) => t.label === label);
    const accept = tasks[at("受理")];
    return (
      accept?.actions.some((a) => a.kind === "correction") &&
      at("审核") > at("受理") &&
      at("复核") > at("审核") &&
      tasks[at("复核")].role === "reviewer" &&
      tasks.some((t) => t.actions.some((a) => a.kind === "complete")) &&
      requiredUploads(def).length > 0 &&
      (def.guide.levels.length === 0 || def.guide.levels.includes("banner"))
    );
  });
  if (!found) throw new Error("no seeded service with the flow 受理 → 审核 → 复核 → 办结");
  return found;
}

const service = pickService();

/** `2026年1月5日`, as the pages print dates. */
function chinese(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SCREENS}/portal-${name}.png`, fullPage: true });
}

async function expectFitsPhone(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, "页面在 375px 宽度下不应出现横向滚动").toBeLessThanOrEqual(0);
}

/** Fills the required fields of a form (recursively) through the rendered widgets. */
async function fillRequired(page: Page, id: string, schema: Schema): Promise<void> {
  for (const key of schema.required ?? []) {
    const sub = schema.properties?.[key];
    if (sub) await fillValue(page, `${id}_${key}`, sub);
  }
}

async function fillValue(page: Page, id: string, schema: Schema): Promise<void> {
  const mode = attestationModeOf(schema);
  if (mode) {
    await page.locator(`#${id}_signed`).check();
    const name = page.locator(`#${id}_name`);
    if (await name.count()) await name.fill(mode === "seal" ? "呼和浩特市示例有限公司" : "张三");
    const date = page.locator(`#${id}_date`);
    if ((await date.count()) && !(await date.inputValue())) await date.fill("2026-01-15");
    return;
  }
  if (schema.type === "object") return fillRequired(page, id, schema);
  if (schema.type === "array") {
    const items = schema.items ?? {};
    if (Array.isArray(items.enum)) return page.locator(`#${id}-0`).click();
    if ((await page.locator(`[id^="${id}_0_"]`).count()) === 0) {
      await page.locator(`#${id}`).getByRole("button", { name: "添加一行" }).click();
    }
    return fillRequired(page, `${id}_0`, items);
  }
  if (Array.isArray(schema.enum)) {
    const el = page.locator(`#${id}`);
    if ((await el.count()) && (await el.evaluate((e) => e.tagName)) === "SELECT") await el.selectOption({ index: 1 });
    else await page.locator(`#${id}-0`).click();
    return;
  }
  if (schema.type === "boolean") return page.locator(`#${id}`).click();
  await page.locator(`#${id}`).fill(String(sampleValue(schema)));
}

const pdf = (name: string) => ({ name, mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n") });

/** The staff steps the case takes after 受理 when every step passes. */
function passingPath(def: ServiceDefinition): { node: TaskNode; actionLabel: string }[] {
  const nodes = new Map(def.flow.nodes.map((n) => [n.id, n]));
  const path: { node: TaskNode; actionLabel: string }[] = [];
  let node = staffTasks(def).find((t) => t.label === "受理");
  while (node && path.length < 20) {
    const action = node.actions.find((a) => a.kind === "approve") ?? node.actions.find((a) => a.kind === "complete");
    if (!action) break;
    path.push({ node, actionLabel: action.label });
    let edge = def.flow.edges.find((e) => e.from === node!.id && e.action === action.id);
    let next = edge ? nodes.get(edge.to) : undefined;
    while (next?.type === "gateway") {
      edge = def.flow.edges.find((e) => e.from === next!.id && e.isDefault) ?? def.flow.edges.find((e) => e.from === next!.id);
      next = edge ? nodes.get(edge.to) : undefined;
    }
    node = next?.type === "task" && next.role !== "applicant" ? next : undefined;
  }
  return path;
}

async function staffPage(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, username);
  return page;
}

/** Opens the case in the workbench, claims the current step and takes `actionLabel`. */
async function act(page: Page, caseId: string, step: string, actionLabel: string, fill?: (page: Page) => Promise<void>) {
  await page.goto(`/workbench/cases/${caseId}`);
  await expect(page.getByRole("heading", { name: `当前环节：${step}` })).toBeVisible();
  await page.getByRole("button", { name: "认领任务" }).click();
  await expect(page.getByText("我已认领")).toBeVisible();
  await page.getByRole("radio", { name: actionLabel }).check();
  if (fill) await fill(page);
  await confirmRisks(page);
  await page.getByRole("button", { name: `确认：${actionLabel}` }).click();
  await expect(page.getByRole("status").filter({ hasText: `已办理：${actionLabel}` })).toBeVisible();
}

test("申请人在手机宽度下阅读指南、在线申请、补正，办件经受理、审核、复核后办结", async ({ browser }) => {
  test.setTimeout(300_000);
  const calendar = createWorkCalendar();
  const limit = caseLimitFor(service.guide, "online");
  const office = { league: "呼和浩特市", banner: "新城区" };

  const applicantContext = await browser.newContext({ viewport: PHONE });
  const page = await applicantContext.newPage();

  // 1. The guide, without signing in.
  await page.goto("/hall");
  await page.getByLabel("搜索服务事项").fill(service.title);
  await page.getByRole("button", { name: "搜索" }).click();
  await page.getByRole("link", { name: new RegExp(service.title) }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: service.title })).toBeVisible();
  for (const section of ["基本信息", "受理条件", "申请材料", "办理地点与方式", "设定依据"]) {
    await expect(page.getByRole("heading", { name: section })).toBeVisible();
  }
  await expect(page.getByText(requiredUploads(service)[0].name).first()).toBeVisible();
  await expectFitsPhone(page);
  await expectAccessible(page);
  await shot(page, "1-guide");
  await page.getByRole("link", { name: "在线办理" }).click();
  await expect(page).toHaveURL(/\/login\?next=/);

  // 2. Sign in, back to the office choice.
  await page.getByLabel("用户名").fill("company.demo");
  await page.getByLabel("密码").fill(TEST_DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(new RegExp(`/hall/services/${service.code}/apply$`));
  await page.getByLabel("第一步：选择盟市").selectOption({ label: office.league });
  await page.getByLabel("搜索旗县（市、区）").fill(office.banner.slice(0, 2));
  await page.getByRole("radio", { name: office.banner }).check();
  await expectFitsPhone(page);
  await expectAccessible(page);
  await shot(page, "2-office");
  await page.getByRole("button", { name: "开始填写" }).click();
  await expect(page).toHaveURL(/\/cases\/[^/]+\/edit$/);
  const caseId = page.url().split("/").at(-2)!;

  // 3. The forms: Chinese errors first, then filled; the draft survives a reload.
  const forms = applicantForms(service);
  const first = forms[0];
  await expect(page.getByRole("heading", { name: `第1步：${first.title}` })).toBeVisible();
  await page.getByRole("button", { name: /^下一步/ }).click();
  await expect(page.getByText("请修改以下内容")).toBeVisible();
  await expect(page.getByText(/必填|请勾选确认/).first()).toBeVisible();
  await shot(page, "3-form-errors");
  const rootId = `form-${first.id}`;
  await fillRequired(page, rootId, first.schema as Schema);
  const idField = Object.entries((first.schema as Schema).properties ?? {}).find(([, s]) => s.format === "cn-credit-code");
  if (idField) {
    await page.locator(`#${rootId}_${idField[0]}`).fill("91350100M000100Y44");
    await expect(page.getByText(/校验位不正确/).first()).toBeVisible();
    await page.locator(`#${rootId}_${idField[0]}`).fill("91350100M000100Y43");
  }
  await expect(page.getByTestId("save-status")).toContainText("已保存");
  await page.reload();
  const attestation = Object.entries((first.schema as Schema).properties ?? {}).find(([, s]) => attestationModeOf(s));
  if (attestation) await expect(page.locator(`#${rootId}_${attestation[0]}_signed`)).toBeChecked();
  await expectFitsPhone(page);
  await expectAccessible(page);
  await shot(page, "4-form-filled");
  await page.getByRole("button", { name: /^下一步/ }).click();
  for (let i = 1; i < forms.length; i++) {
    await expect(page.getByRole("heading", { name: `第${i + 1}步：${forms[i].title}` })).toBeVisible();
    await fillRequired(page, `form-${forms[i].id}`, forms[i].schema as Schema);
    await page.getByRole("button", { name: /^下一步/ }).click();
  }

  // 4. Materials: type and server errors shown, then a real upload.
  await expect(page.getByRole("heading", { name: /上传材料/ })).toBeVisible();
  await expect(page.getByText("支持 PDF、JPG、PNG、OFD 格式，单个文件不超过 10 MB")).toBeVisible();
  const material = requiredUploads(service)[0];
  const input = page.locator(`#file-${material.id}`);
  await input.setInputFiles({ name: "说明.txt", mimeType: "text/plain", buffer: Buffer.from("不是材料") });
  await expect(page.getByRole("alert").filter({ hasText: "格式不支持" })).toBeVisible();
  await input.setInputFiles({ name: "伪装.pdf", mimeType: "application/pdf", buffer: Buffer.from("这不是PDF文件的内容") });
  await expect(page.getByRole("alert").filter({ hasText: "不支持的文件类型" })).toBeVisible();
  for (const m of requiredUploads(service)) await page.locator(`#file-${m.id}`).setInputFiles(pdf(`${m.name}.pdf`));
  await expect(page.getByText(`${material.name}.pdf`)).toBeVisible();
  await expectFitsPhone(page);
  await expectAccessible(page);
  await shot(page, "5-materials");
  await page.getByRole("button", { name: "下一步：确认" }).click();

  // 5. Review and one submission (a double click makes one case).
  await expect(page.getByRole("heading", { name: /确认提交/ })).toBeVisible();
  await expect(page.getByText("提交前请完成以下内容")).toHaveCount(0);
  await expectAccessible(page);
  await shot(page, "6-review");
  await page.getByRole("button", { name: "提交申请" }).dblclick();
  await expect(page).toHaveURL(new RegExp(`/cases/${caseId}/submitted$`));
  const caseNumber = (await page.getByTestId("case-number").textContent())!.trim();
  expect(caseNumber).toMatch(/^NM\d{14}$/);
  // Deadlines count from the day the case was filed (on the server's case clock).
  const detail = await page.request.get(`/api/trpc/applications.get?input=${encodeURIComponent(JSON.stringify({ id: caseId }))}`);
  const filedOn = chinaDateOf((await detail.json()).result.data.application.submittedAt as string);
  // A promised limit is shown as 承诺办结; a guide that promises none shows the legal 办理期限.
  const due = limit ? dueDate(filedOn, limit, [], calendar) : null;
  if (due) await expect(page.getByTestId(promisedLimitFor(service.guide, "online") ? "promised-date" : "due-date")).toContainText(chinese(due));
  await expectFitsPhone(page);
  await expectAccessible(page);
  await shot(page, "7-submitted");

  // The printable receipt.
  await page.getByRole("link", { name: "查看并打印受理回执" }).click();
  await expect(page.getByRole("heading", { name: "受理回执" })).toBeVisible();
  await expect(page.getByTestId("letter-number")).toHaveText(caseNumber);
  if (due) await expect(page.getByTestId(promisedLimitFor(service.guide, "online") ? "letter-promised-date" : "letter-due-date")).toHaveText(chinese(due));
  await expectAccessible(page);
  await shot(page, "8-receipt");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "主导航" })).toBeHidden();
  await expect(page.getByRole("button", { name: "打印" })).toBeHidden();
  await page.emulateMedia({ media: "screen" });

  // 我的办件: one case from the double click.
  await page.goto("/cases");
  await expect(page.getByTestId("case-row").filter({ hasText: caseNumber })).toHaveCount(1);
  await expect(page.getByTestId("case-row").filter({ hasText: caseNumber }).getByTestId("case-status")).toHaveText("已提交");
  await expectFitsPhone(page);
  await expectAccessible(page);
  await shot(page, "9-my-cases");

  // 6. The office asks for a correction, listing every item at once.
  const caseworker = await staffPage(browser, "xincheng.caseworker");
  await caseworker.goto("/workbench");
  await caseworker.getByRole("link", { name: caseNumber }).click();
  await expect(caseworker.getByRole("heading", { name: "审核要点" })).toBeVisible();
  await expectAccessible(caseworker);
  const correctionAction = staffTasks(service).find((t) => t.label === "受理")!.actions.find((a) => a.kind === "correction")!;
  const items = [`请补充提交：${material.name}（清晰的彩色扫描件）`, "请核对专管人员的联系电话"];
  await act(caseworker, caseId, "受理", correctionAction.label, async (p) => {
    await p.getByRole("textbox", { name: "第1项" }).fill(items[0]);
    await p.getByRole("button", { name: "添加一项" }).click();
    await p.getByRole("textbox", { name: "第2项" }).fill(items[1]);
    await p.screenshot({ path: `${SCREENS}/portal-10-correction-editor.png`, fullPage: true });
  });
  await expect(caseworker.getByTestId("case-status")).toHaveText("待补正");

  // 7. The applicant answers it.
  await page.goto(`/cases/${caseId}`);
  await expect(page.getByTestId("case-status")).toHaveText("待补正");
  await expect(page.getByTestId("correction-items")).toContainText(items[0]);
  await expect(page.getByTestId("correction-items")).toContainText(items[1]);
  await expectFitsPhone(page);
  await expectAccessible(page);
  await shot(page, "11-correction-request");
  await page.getByRole("link", { name: "去补正" }).click();
  await expect(page.getByRole("heading", { name: /补正材料：/ })).toBeVisible();
  await page.getByRole("button", { name: /补充材料/ }).click();
  await page.locator(`#file-${material.id}`).setInputFiles(pdf(`${material.name}-补正.pdf`));
  await expect(page.getByText(`${material.name}-补正.pdf`)).toBeVisible();
  await expectAccessible(page);
  await shot(page, "12-correction-upload");
  await page.getByRole("button", { name: "下一步：确认" }).click();
  await page.getByRole("button", { name: "提交补正" }).click();
  await expect(page.getByText("补正材料已提交")).toBeVisible();
  await expect(page.getByTestId("case-status")).not.toHaveText("待补正");

  // 8. Every step passes: 受理 → 审核 → 复核 (reviewer) → 办结.
  // A step marked for separation of duties (审核 after 受理) is done by the office's other caseworker.
  const reviewer = await staffPage(browser, "xincheng.reviewer");
  const secondCaseworker = await staffPage(browser, "xincheng.caseworker2");
  const path = passingPath(service);
  expect(path.map((s) => s.node.label)).toEqual(expect.arrayContaining(["受理", "审核", "复核"]));
  let previous: Page | null = null;
  for (const { node, actionLabel } of path) {
    const who: Page = node.role === "reviewer" ? reviewer : node.separateFromPrevious && previous === caseworker ? secondCaseworker : caseworker;
    await act(who, caseId, node.label, actionLabel);
    previous = who;
    if (node.label === "复核") await shot(who, "13-recheck-done");
  }
  await expect(caseworker.getByTestId("case-status")).toHaveText("已办结");

  // 9. The applicant sees the result and its notice.
  await page.goto(`/cases/${caseId}`);
  await expect(page.getByTestId("case-status")).toHaveText("已办结");
  await expect(page.getByTestId("outcome")).toContainText("已办结");
  const timeline = page.getByTestId("timeline");
  for (const label of ["提交申请", correctionAction.label, ...path.map((s) => s.actionLabel)]) {
    await expect(timeline.getByText(label).first()).toBeVisible();
  }
  await expectFitsPhone(page);
  await expectAccessible(page);
  await shot(page, "14-completed");
  await page.getByRole("link", { name: "办理结果文书" }).click();
  await expect(page.getByRole("heading", { name: "办结通知书" })).toBeVisible();
  await expect(page.getByTestId("letter-number")).toHaveText(caseNumber);
  await expectAccessible(page);
  await shot(page, "15-completion-notice");
});

test("经办机构填写的栏目（经办人签字、初审/复审签字）不要求申请人填写，也不出现在申请人的表单和确认页中", async ({ browser }) => {
  test.setTimeout(120_000);
  const def = readTemplates().find((d) => d.code === "s001")!;
  const form = applicantForms(def)[0];
  const properties = (form.schema as Schema).properties ?? {};
  const keyOf = (title: string) => Object.entries(properties).find(([, s]) => s.title === title)![0];
  const page = await (await browser.newContext({ viewport: PHONE })).newPage();
  await signIn(page, "company.demo");
  await page.goto(`/hall/services/${def.code}/apply`);
  await page.getByLabel("第一步：选择盟市").selectOption({ label: "呼和浩特市" });
  await page.getByRole("radio", { name: "新城区" }).check();
  await page.getByRole("button", { name: "开始填写" }).click();
  await expect(page).toHaveURL(/\/cases\/[^/]+\/edit$/);
  const rootId = `form-${form.id}`;
  // The unit's own seal is asked for; the office's signatures are not there at all.
  await expect(page.locator(`#${rootId}_${keyOf("单位名称（章）")}_signed`)).toBeVisible();
  for (const title of ["初审签字", "复审签字", "经办人签字"]) {
    await expect(page.locator(`#${rootId}_${keyOf(title)}_signed`)).toHaveCount(0);
    await expect(page.getByText(title, { exact: true })).toHaveCount(0);
  }
  await fillRequired(page, rootId, form.schema as Schema);
  await expectFitsPhone(page);
  await expectAccessible(page);
  await shot(page, "office-use-form");
  await page.getByRole("button", { name: /^下一步/ }).click();
  await expect(page.getByRole("heading", { name: /^第2步/ })).toBeVisible();
  // The review lists what the applicant filled, not the office's empty boxes.
  await page.getByRole("button", { name: /确认提交/ }).click();
  await expect(page.getByRole("heading", { name: /确认提交/ })).toBeVisible();
  await expect(page.getByText("单位名称（章）").first()).toBeVisible();
  for (const title of ["初审签字", "复审签字", "经办人签字"]) await expect(page.getByText(title, { exact: true })).toHaveCount(0);
  await shot(page, "office-use-review");
});

test("只由旗县办理的事项：选择盟市时显示盟市名称，而不是行政区划代码", async ({ browser }) => {
  const def = readTemplates().find((d) => d.guide.levels.length === 1 && d.guide.levels[0] === "banner")!;
  const page = await (await browser.newContext({ viewport: PHONE })).newPage();
  await signIn(page, "zhangsan");
  await page.goto(`/hall/services/${def.code}/apply`);
  const league = page.getByLabel("第一步：选择盟市");
  await expect(league.locator("option", { hasText: "呼和浩特市" })).toHaveCount(1);
  await expect(league.locator("option", { hasText: /^\d{6}$/ })).toHaveCount(0);
  await league.selectOption({ label: "呼和浩特市" });
  await expect(page.getByRole("radio", { name: "新城区" })).toBeVisible();
  await expectFitsPhone(page);
  await expectAccessible(page);
  await shot(page, "banner-only-office");
});

test("无需填表和上传材料的事项：确认提交是唯一一步，没有“上一步”，可以直接提交", async ({ browser }) => {
  const def = readTemplates().find((d) => applicantForms(d).length === 0 && d.materials.length === 0 && d.guide.levels.includes("league"))!;
  const page = await (await browser.newContext({ viewport: PHONE })).newPage();
  await signIn(page, "zhangsan");
  await page.goto(`/hall/services/${def.code}/apply`);
  await page.getByLabel("第一步：选择盟市").selectOption({ label: "呼和浩特市" });
  await page.getByRole("radio").first().check();
  await page.getByRole("button", { name: "开始填写" }).click();
  await expect(page.getByRole("heading", { name: "第1步：确认提交" })).toBeVisible();
  await expect(page.getByRole("button", { name: "上一步" })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("button", { name: "提交申请" }).click();
  await expect(page).toHaveURL(/\/cases\/[^/]+\/submitted$/);
});
