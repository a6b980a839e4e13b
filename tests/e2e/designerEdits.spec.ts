/**
 * Nothing is lost in the designer: a field moved with the keyboard past a section keeps its
 * display condition and stays at its level; an edit followed at once by a link elsewhere in the
 * app (within the autosave delay) is saved before the page changes. Every tab of the editor,
 * and the pages around it, pass axe's heading-order.
 */
import { test, expect } from "@playwright/test";
import { expectAccessible, expectHeadingOrder, signIn, openServiceByCode } from "./helpers";

const CODE = "s045"; // its first form: 退休时技术等级 (a text field) right before the section 退休人员联系信息

test("the editor keeps a reordered field's condition and an edit made just before leaving; headings in order", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1600, height: 1000 });
  await signIn(page, "region.admin");
  await page.goto("/designer");
  await expectHeadingOrder(page);

  // s002 (受理 → 审核): 审核 is to be done by someone other than whoever did 受理, shown in the node inspector.
  await openServiceByCode(page, "s002");
  await page.getByRole("tab", { name: "流程" }).click();
  await page.getByTestId("rf__node-review").click();
  const inspector = page.getByRole("complementary", { name: "属性" });
  await expect(inspector.getByLabel("须与上一环节由不同人员办理（不相容岗位分离）")).toBeChecked();
  await page.getByTestId("rf__node-accept").click();
  await expect(inspector.getByLabel("须与上一环节由不同人员办理（不相容岗位分离）")).not.toBeChecked();
  await expectHeadingOrder(page);
  await expectAccessible(page);

  const serviceId = await openServiceByCode(page, CODE);
  await expectHeadingOrder(page);

  for (const tab of ["材料", "流程", "版本", "试运行", "原文"]) {
    await page.getByRole("tab", { name: tab }).click();
    await expect(page.getByRole("tab", { name: tab })).toHaveAttribute("aria-selected", "true");
    await expectHeadingOrder(page);
  }
  // The list of problems (shown from the check button) sits under the page's heading too.
  await page.getByRole("button", { name: /^检查/ }).click();
  await expectHeadingOrder(page);

  // Form: a condition on 退休时技术等级, then Space, ↓, Space on its handle moves it past the section.
  await page.getByRole("tab", { name: "表单" }).click();
  const tree = page.getByRole("region", { name: "表单字段" });
  await tree.getByRole("button", { name: /^退休时技术等级/ }).click();
  const properties = page.getByRole("complementary", { name: "字段属性" });
  await properties.getByLabel("仅当其他字段满足条件时显示").check();
  await expect(tree.getByRole("listitem").filter({ has: page.getByRole("button", { name: /^退休时技术等级/ }) }).first()).toContainText("条件显示");
  await expectHeadingOrder(page);
  const handle = tree.getByRole("button", { name: "拖动排序：退休时技术等级" });
  await handle.focus();
  // dnd-kit measures and finds what is under the field between key presses.
  for (const key of ["Space", "ArrowDown", "Space"]) {
    await page.keyboard.press(key);
    await page.waitForTimeout(400);
  }
  await tree.getByRole("button", { name: /^退休时技术等级/ }).click();
  await expect(properties.getByLabel("仅当其他字段满足条件时显示")).toBeChecked();
  await page.getByRole("tab", { name: "JSON 源码" }).click();
  // Still a top-level field, now after the section.
  await expect(page.getByLabel("uiSchema")).toHaveValue(/"f13",\s*"f12"/);
  await expect(page.getByLabel("JSON Schema（draft-07）")).toHaveValue(/"then": \{\s*"properties": \{\s*"f12"/);

  // An edit, and at once a link elsewhere in the app: the edit is saved before the page changes.
  await page.getByRole("tab", { name: "办事指南" }).click();
  const summary = `离开前的修改 ${Date.now()}`;
  await page.getByLabel("事项概述（办事大厅列表中显示）").fill(summary);
  await page.getByRole("navigation", { name: "位置" }).getByRole("link", { name: "设计器" }).click();
  await expect(page).toHaveURL(/\/designer$/);
  const response = await page.request.get(`/api/trpc/designer.get?input=${encodeURIComponent(JSON.stringify({ serviceId }))}`);
  const state = (await response.json()).result.data as { draft: { definition: { summary: string; forms: { uiSchema: Record<string, unknown> }[] } } | null };
  expect(state.draft?.definition.summary).toBe(summary);
  // The reorder went with it.
  expect(JSON.stringify(state.draft?.definition.forms[0].uiSchema["ui:order"])).toMatch(/"f13","f12"/);
});

test("the hall, the login page and a staff workbench pass heading-order", async ({ page }) => {
  await page.goto("/login");
  await expectHeadingOrder(page);
  await page.goto("/hall");
  await expectHeadingOrder(page);
  await page.goto(`/hall/services/${CODE}`);
  await expectHeadingOrder(page);
  await signIn(page, "xincheng.caseworker");
  await page.goto("/workbench");
  await expectHeadingOrder(page);
});
