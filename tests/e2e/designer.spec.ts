/**
 * The designer end to end: an administrator revises a seeded service (a review step in the
 * flow, a conditional field in the form), sees the lint pass, publishes version 2; the
 * catalogue then serves version 2 while a case submitted under version 1 goes on under
 * version 1. Two administrators saving the same draft: the second is refused with the
 * conflict message and can compare and reload. Pages pass axe.
 */
import { test, expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { CSRF_COOKIE, CSRF_HEADER } from "@/runtime/auth/cookies";
import { sampleFormData } from "@/runtime/forms/sample";
import { signIn, expectAccessible, openServiceByCode } from "./helpers";

const SERVICE = { code: "s079", title: "工伤异地居住就医申请" };

async function csrfOf(page: Page): Promise<string> {
  const cookie = (await page.context().cookies()).find((c) => c.name === CSRF_COOKIE);
  if (!cookie) throw new Error("no CSRF cookie");
  return decodeURIComponent(cookie.value);
}

async function query<T>(request: APIRequestContext, path: string, input: unknown): Promise<T> {
  const response = await request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`);
  const body = await response.json();
  expect(response.ok(), JSON.stringify(body)).toBe(true);
  return body.result.data as T;
}

async function mutate<T>(page: Page, path: string, input: unknown): Promise<T> {
  const response = await page.request.post(`/api/trpc/${path}`, { data: input, headers: { [CSRF_HEADER]: await csrfOf(page) } });
  const body = await response.json();
  expect(response.ok(), JSON.stringify(body)).toBe(true);
  return body.result.data as T;
}

async function signedIn(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  await signIn(page, username);
  return page;
}

async function openService(page: Page, title: string): Promise<void> {
  await page.goto("/designer");
  await page.getByLabel("搜索事项").fill(title);
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

interface PublishedService {
  version: number;
  versionId: string;
  definition: { flow: { nodes: { id: string; label: string; type: string }[] }; forms: { id: string; schema: Record<string, unknown> }[] };
}

test("an administrator adds a review step and a conditional field, publishes version 2; running cases stay on version 1", async ({ browser }) => {
  test.setTimeout(180_000);

  // A case submitted under version 1, before the redesign.
  const applicant = await signedIn(browser, "zhangsan");
  const v1 = await query<PublishedService>(applicant.request, "catalogue.get", { code: SERVICE.code });
  expect(v1.version).toBe(1);
  const form = v1.definition.forms[0];
  const submitted = await mutate<{ caseNumber: string }>(applicant, "applications.submitDirect", {
    code: SERVICE.code,
    officeId: "150000",
    formData: { [form.id]: sampleFormData(form.schema) },
    idempotencyKey: `designer-e2e-${Date.now()}`,
  });
  const mine = await query<{ id: string; caseNumber: string | null }[]>(applicant.request, "applications.mine", undefined);
  const caseId = mine.find((c) => c.caseNumber === submitted.caseNumber)!.id;

  // The administrator opens the seeded service.
  const page = await signedIn(browser, "region.admin");
  await page.goto("/designer");
  await expect(page.getByRole("link", { name: SERVICE.title })).toBeVisible();
  await expectAccessible(page);
  await openService(page, SERVICE.title);
  await expect(page.locator(".react-flow__node")).toHaveCount(7); // 开始, 申请, 受理 (with its 补正材料 and 不予受理), 结果反馈, 办结
  await expect(page.getByRole("button", { name: "检查：通过" })).toBeVisible();
  await expectAccessible(page);

  // Flow: a new review step between 受理 and 结果反馈.
  await page.getByTestId("rf__node-accept").click();
  await page.getByRole("group", { name: "节点类型" }).getByRole("button", { name: "步骤", exact: true }).click();
  const inspector = page.getByRole("complementary", { name: "属性" });
  await inspector.getByLabel("名称", { exact: true }).fill("复核");
  await inspector.getByLabel("办理角色").selectOption({ label: "复核人员" });
  await inspector.getByLabel("操作1的名称").fill("复核通过");
  await inspector.getByLabel("操作1通向").selectOption({ label: "→ 结果反馈" });
  await expect(page.getByTestId("rf__node-step1")).toContainText("复核");
  await page.getByTestId("rf__node-accept").click();
  await inspector.getByLabel("操作1通向").selectOption({ label: "→ 复核" });
  const acceptEdge = page.getByTestId("rf__edge-accept--feedback--approve");
  await expect(acceptEdge).toHaveAttribute("aria-label", /受理 → 复核/);

  // Undo and redo (the keyboard, outside text boxes).
  await page.getByRole("button", { name: "撤销" }).focus();
  await page.keyboard.press("Control+z");
  await expect(acceptEdge).toHaveAttribute("aria-label", /受理 → 结果反馈/);
  await page.keyboard.press("Control+y");
  await expect(acceptEdge).toHaveAttribute("aria-label", /受理 → 复核/);
  await expect(page.getByRole("button", { name: "检查：通过" })).toBeVisible();

  // Form: a field shown only to women (性别 = 女), required when shown.
  await page.getByRole("tab", { name: "表单" }).click();
  await page.getByRole("group", { name: "字段类型" }).getByRole("button", { name: "单行文本", exact: true }).click();
  const properties = page.getByRole("complementary", { name: "字段属性" });
  await properties.getByLabel("标题").fill("孕期就医说明");
  await properties.getByLabel("必填").check();
  await properties.getByLabel("仅当其他字段满足条件时显示").check();
  await properties.getByLabel("当字段").selectOption({ label: "性别" });
  await properties.getByLabel("取值").selectOption({ label: "女" });
  const preview = page.getByRole("region", { name: "表单预览" });
  await expect(preview.getByLabel("孕期就医说明")).toHaveCount(0);
  await preview.getByRole("radio", { name: "女" }).check();
  await expect(preview.getByLabel("孕期就医说明")).toBeVisible();
  await expect(page.getByRole("button", { name: "检查：通过" })).toBeVisible();
  await expectAccessible(page);

  // The JSON is there and says the same.
  await page.getByRole("tab", { name: "JSON 源码" }).click();
  await expect(page.getByLabel("JSON Schema（draft-07）")).toHaveValue(/"孕期就医说明"/);
  await expect(page.getByLabel("JSON Schema（draft-07）")).toHaveValue(/"const": "女"/);

  // Test run of the draft: the case passes the new review step (in the browser only).
  await page.getByRole("tab", { name: "试运行" }).click();
  await page.getByRole("button", { name: "用示例数据填写" }).click();
  await page.getByRole("button", { name: "提交申请" }).click();
  for (const [step, action] of [["受理", "予以受理"], ["复核", "复核通过"], ["结果反馈", "办结"]]) {
    await page.getByRole("group", { name: `${step}的操作` }).getByRole("button", { name: action }).click();
  }
  await expect(page.getByRole("heading", { name: "办件状态：已办结" })).toBeVisible();
  await expect(page.getByRole("region", { name: "办理记录" })).toContainText("复核人员在“复核”选择“复核通过”");
  await expectAccessible(page);

  // Publish version 2.
  await expect(page.getByTestId("save-state")).toContainText("已自动保存");
  await page.getByRole("button", { name: "发布" }).click();
  await page.getByRole("dialog", { name: "确认发布" }).getByRole("button", { name: "确认发布" }).click();
  await expect(page.getByText("已发布第 2 版。")).toBeVisible();

  // The catalogue serves version 2.
  const v2 = await query<PublishedService>(page.request, "catalogue.get", { code: SERVICE.code });
  expect(v2.version).toBe(2);
  expect(v2.definition.flow.nodes.map((n) => n.label)).toContain("复核");
  expect(JSON.stringify(v2.definition.forms[0].schema)).toContain("孕期就医说明");

  // The versions tab compares 1 and 2 in words and on the canvas.
  await page.getByRole("tab", { name: "版本" }).click();
  const diff = page.getByRole("region", { name: "版本差异" });
  await expect(diff.getByText("第 1 版 → 第 2 版")).toBeVisible();
  // Two published versions: no word about the draft.
  await expect(diff).not.toContainText("草稿");
  await expect(diff.getByText("环节“复核”").first()).toBeVisible();
  await expect(diff.getByText("表单“工伤职工就医备案表”字段“孕期就医说明”")).toBeVisible();
  await expect(diff.getByTestId("rf__node-step1")).toContainText("新增");
  await expectAccessible(page);

  // The case submitted under version 1 runs on version 1: after 受理 comes 结果反馈, not 复核.
  const caseworker = await signedIn(browser, "region.caseworker");
  type StaffCase = { application: { rowVersion: number; version: number }; currentTask: { taskId: string; label: string; riskChecklist: { key: string }[] } | null };
  let staffCase = await query<StaffCase>(caseworker.request, "workbench.case", { id: caseId });
  expect(staffCase.application.version).toBe(1);
  expect(staffCase.currentTask?.label).toBe("受理");
  await mutate(caseworker, "workbench.claim", { taskId: staffCase.currentTask!.taskId });
  // 受理's mandatory pre-check (是否长期异地居住) is asked of the simulated 工伤保险业务系统 first, as the case page does when opened.
  await mutate(caseworker, "checks.run", { applicationId: caseId });
  staffCase = await query<StaffCase>(caseworker.request, "workbench.case", { id: caseId });
  await mutate(caseworker, "workbench.act", {
    applicationId: caseId,
    taskId: staffCase.currentTask!.taskId,
    actionId: "accept-approve",
    // 受理's 风险点 are confirmed, as the workbench requires before passing the step.
    confirmedRisks: staffCase.currentTask!.riskChecklist.map((r) => r.key),
    rowVersion: staffCase.application.rowVersion,
  });
  staffCase = await query<StaffCase>(caseworker.request, "workbench.case", { id: caseId });
  expect(staffCase.currentTask?.label).toBe("结果反馈");
  expect(staffCase.application.version).toBe(1);
});

test("two administrators save the same draft: the second is refused, compares and reloads", async ({ browser }) => {
  test.setTimeout(120_000);
  const title = "变更工伤登记";
  const alice = await signedIn(browser, "region.admin");
  const bob = await signedIn(browser, "region.admin");
  const summary = (page: Page) => page.getByLabel("事项概述（办事大厅列表中显示）");

  await openService(alice, title);
  await alice.getByRole("tab", { name: "办事指南" }).click();
  await summary(alice).fill("甲管理员的第一次修改");
  await expect(alice.getByTestId("save-state")).toContainText("修订 1");

  await openService(bob, title);
  await bob.getByRole("tab", { name: "办事指南" }).click();
  await expect(summary(bob)).toHaveValue("甲管理员的第一次修改");

  await summary(alice).fill("甲管理员的第二次修改");
  await expect(alice.getByTestId("save-state")).toContainText("修订 2");

  await summary(bob).fill("乙管理员的修改");
  const conflict = bob.getByRole("alertdialog", { name: "保存冲突" });
  await expect(conflict).toContainText("当前修订 2，您的修改基于修订 1");
  await expect(bob.getByTestId("save-state")).toContainText("保存冲突");
  await expectAccessible(bob);

  await conflict.getByRole("button", { name: "比较差异" }).click();
  const compared = conflict.getByRole("region", { name: "差异" });
  await expect(compared).toContainText("事项概述");
  await expect(compared.locator("del")).toHaveText("甲管理员的第二次修改");
  await expect(compared.locator("ins")).toHaveText("乙管理员的修改");

  await conflict.getByRole("button", { name: "重新加载（放弃我的修改）" }).click();
  await expect(conflict).toHaveCount(0);
  await expect(summary(bob)).toHaveValue("甲管理员的第二次修改");
});

test("an administrator creates a service as a copy of another and opens it", async ({ browser }) => {
  const page = await signedIn(browser, "region.admin");
  await page.goto("/designer");
  await page.getByRole("button", { name: "新建事项" }).click();
  const form = page.getByRole("form", { name: "新建事项" });
  await form.getByLabel("事项编码").fill("copy-of-s016");
  await form.getByLabel("事项名称").fill("变更工伤登记（本地试点）");
  await form.getByLabel("所属部分").fill("一、社会保险公共服务");
  await form.getByLabel("分类").fill("工伤保险服务事项");
  await form.getByLabel("内容").selectOption({ label: "复制：变更工伤登记（s016）" });
  await expectAccessible(page);
  await form.getByRole("button", { name: "创建并打开" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "变更工伤登记（本地试点）" })).toBeVisible();
  await expect(page.locator(".react-flow__node").first()).toBeVisible();
  await expect(page.getByText("草稿修订 1")).toBeVisible();
  await page.goto("/designer");
  await page.getByLabel("状态").selectOption({ label: "未发布" });
  await expect(page.getByRole("row", { name: /copy-of-s016/ })).toContainText("有草稿");
});

test("keyboard: a decision with a condition and a refusal, added beside a step, connected and set from the inspector", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await signedIn(browser, "region.admin");
  await openServiceByCode(page, "s056");
  await page.getByRole("tab", { name: "流程" }).click();
  const palette = page.getByRole("group", { name: "节点类型" });
  const inspector = page.getByRole("complementary", { name: "属性" });
  const chooseNode = async (id: string) => {
    await page.getByTestId(`rf__node-${id}`).focus();
    await page.keyboard.press("Enter");
  };

  // Two nodes added beside the same step do not lie on each other.
  await chooseNode("review");
  await palette.getByRole("button", { name: "判断", exact: true }).press("Enter");
  await inspector.getByLabel("名称", { exact: true }).fill("是否特殊工种");
  await chooseNode("review");
  await palette.getByRole("button", { name: "结束：不予办理", exact: true }).press("Enter");
  const decision = (await page.getByTestId("rf__node-decision1").boundingBox())!;
  const refusal = (await page.getByTestId("rf__node-end1").boundingBox())!;
  const overlap = decision.x < refusal.x + refusal.width && refusal.x < decision.x + decision.width && decision.y < refusal.y + refusal.height && refusal.y < decision.y + decision.height;
  expect(overlap, "新节点不应盖住另一个新节点").toBe(false);

  // The decision's first exit is the default one; the second is selected at once, its condition not yet set.
  await chooseNode("decision1");
  await inspector.getByLabel("添加连线到").selectOption({ label: "公示（notice）" });
  await inspector.getByRole("button", { name: "连接" }).press("Enter");
  await expect(inspector.getByRole("heading", { name: "连线：是否特殊工种 → 公示" })).toBeVisible();
  await expect(inspector.getByLabel("名称（显示在连线上）")).toBeFocused();
  await expect(inspector.getByLabel("默认出口（其他条件都不满足时）")).toBeChecked();
  await chooseNode("decision1");
  await inspector.getByLabel("添加连线到").selectOption({ label: "不予办理（end1）" });
  await inspector.getByRole("button", { name: "连接" }).press("Enter");
  await expect(inspector.getByRole("heading", { name: "连线：是否特殊工种 → 不予办理" })).toBeVisible();
  await expect(inspector.getByLabel("名称（显示在连线上）")).toBeFocused();
  await expect(inspector).toContainText("还没有设置条件");
  await expect(inspector).not.toContainText("总是走这条连线");
  await expect(inspector.getByLabel("JSON Logic")).toHaveValue("");

  // JSON Logic typed wrong is explained in Chinese.
  await inspector.getByLabel("JSON Logic").fill('{"==": [');
  // In Chinese only (not the browser's English SyntaxError text).
  await expect(inspector.getByRole("alert")).toHaveText(/^JSON 格式不正确：[^A-Za-z]+$/);
  await inspector.getByLabel("JSON Logic").fill('{"==": [{"var": "form.form-1.f03_gender"}, "女"]}');
  await expect(inspector.getByRole("alert")).toHaveCount(0);
  await expect(inspector).not.toContainText("还没有设置条件");
  await expect(inspector.getByLabel("条件1的值")).toHaveValue("女");
  await expectAccessible(page);

  // A second edge from the decision to the same node is refused with a reason.
  await chooseNode("decision1");
  await inspector.getByLabel("添加连线到").selectOption({ label: "公示（notice）" });
  await inspector.getByRole("button", { name: "连接" }).press("Enter");
  await expect(inspector.getByRole("alert")).toContainText("这个判断已经有一条连线通向它");

  // Publishing is refused while the decision cannot be reached; the message does not cover the problems.
  await page.getByRole("button", { name: "发布" }).click();
  const blocked = page.getByRole("alert").filter({ hasText: "改正后才能发布" });
  await expect(blocked).toBeVisible();
  const problemsPanel = page.locator("#lint-panel");
  await expect(problemsPanel).toContainText("是否特殊工种");
  const a = (await blocked.boundingBox())!;
  const b = (await problemsPanel.boundingBox())!;
  expect(a.y + a.height <= b.y || b.y + b.height <= a.y || a.x + a.width <= b.x || b.x + b.width <= a.x, "发布提示不应盖住问题列表").toBe(true);

  // 审核 leads to the decision: the flow passes the checks.
  await chooseNode("review");
  await inspector.getByLabel("操作1通向").selectOption({ label: "→ 是否特殊工种" });
  await expect(page.getByRole("button", { name: "检查：通过" })).toBeVisible();

  // The form's JSON text: a syntax error says where, in Chinese.
  await page.getByRole("tab", { name: "表单" }).click();
  await page.getByRole("tab", { name: "JSON 源码" }).click();
  const schemaText = page.getByLabel("JSON Schema（draft-07）");
  await schemaText.fill((await schemaText.inputValue()).replace('"type": "object"', '"type": "object",,'));
  await expect(page.getByRole("alert").filter({ hasText: "JSON 格式不正确" })).toHaveText(/第 \d+ 行第 \d+ 列附近有误/);
});

test("an office administrator sees only the services of the office and of the offices below it", async ({ browser }) => {
  const page = await signedIn(browser, "hohhot.admin");
  await page.goto("/designer");
  // 呼和浩特市's own local version (seeded: 失业登记申请), editable; 新城区's, read-only; no region template.
  await expect(page.getByRole("row").filter({ hasText: "本地版本 · 呼和浩特市" }).first()).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "只读 · 新城区" }).first()).toBeVisible();
  await expect(page.getByText("自治区发布的事项模板会出现在这里")).toHaveCount(0);
  const all = await query<{ ownerOrgId: string; access: string }[]>(page.request, "designer.list", {});
  expect(all.length).toBeGreaterThan(0);
  expect(all.every((s) => s.ownerOrgId.startsWith("1501") && s.ownerOrgId !== "150000")).toBe(true);
  expect(all.filter((s) => s.access === "edit").every((s) => s.ownerOrgId === "150100")).toBe(true);
  const list = await query<unknown[]>(page.request, "designer.list", { search: "企业职工提前退休申请" });
  expect(list).toEqual([]);
  await expectAccessible(page);
});

test("materials: each material's fields say which material they belong to; reordered and linked to a form", async ({ browser }) => {
  const page = await signedIn(browser, "region.admin");
  await openServiceByCode(page, "s018");
  await page.getByRole("tab", { name: "材料" }).click();
  const list = page.getByRole("list", { name: "材料清单" });
  const first = await list.getByLabel("材料名称（第1项）").inputValue();
  const second = await list.getByLabel("材料名称（第2项）").inputValue();
  expect(first).not.toBe(second);
  await list.getByRole("listitem").first().getByRole("button", { name: /^下移/ }).click();
  await expect(list.getByLabel("材料名称（第1项）")).toHaveValue(second);
  await expect(list.getByLabel("材料名称（第2项）")).toHaveValue(first);
  await list.getByLabel("在线填写的表单（第3项）").selectOption({ label: "社会保险参保人员关键信息变更申请表" });
  await expect(list.getByLabel("在线填写的表单（第3项）")).toHaveValue("form-1");
  await expect(list.getByLabel("必要（第3项）")).toBeVisible();
  await expect(page.getByRole("button", { name: "检查：通过" })).toBeVisible();
  await expectAccessible(page);
});

test("a form the platform generated says so in the designer, with the guide's lines it was built from", async ({ browser }) => {
  const page = await signedIn(browser, "region.admin");
  await openServiceByCode(page, "s074"); // 工伤认定申请: its 《工伤认定申请表》 is named without a sample
  await page.getByRole("tab", { name: "表单" }).click();
  await expect(page.getByTestId("generated-form-source")).toContainText("本表由平台生成");
  await expect(page.getByTestId("generated-form-source")).toContainText("第 10490–10496 行");
});
