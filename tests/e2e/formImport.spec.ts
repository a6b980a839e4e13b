/**
 * A form written for react-jsonschema-form elsewhere, imported into the form builder: a bad
 * paste gets a Chinese error; the imported form lists its fields in rjsf's order (a `"*"`
 * wildcard in `ui:order`), its `oneOf` + `const` choice as a choice with labels, a field declared
 * in a schema dependency read-only with a note; one label edited, the saved draft keeps
 * everything else exactly as it was written. The page passes axe.
 */
import { test, expect, type Page } from "@playwright/test";
import { expectAccessible, signIn, openServiceByCode } from "./helpers";

const CODE = "s031";

const schema = {
  title: "单位参保登记（外部表单）",
  type: "object",
  required: ["name", "level"],
  properties: {
    name: { type: "string", title: "单位名称", maxLength: 50 },
    level: { type: "string", title: "等级", oneOf: [{ const: "1", title: "一级" }, { const: "2", title: "二级", description: "中等" }, { const: "3", title: "三级" }] },
    phone: { type: "string", title: "联系电话", maxLength: 20 },
    hasBranch: { type: "boolean", title: "是否有分支机构" },
    note: { type: "string", title: "备注", maxLength: 200, readOnly: true },
  },
  dependencies: {
    hasBranch: {
      oneOf: [
        { properties: { hasBranch: { const: false } } },
        { properties: { hasBranch: { const: true }, branchCount: { type: "integer", title: "分支机构数量" } }, required: ["branchCount"] },
      ],
    },
  },
};
const uiSchema = { "ui:order": ["level", "*", "note"], level: { "ui:widget": "radio" }, note: { "ui:help": "由经办人填写" }, branchCount: { "ui:help": "不含总部" } };

type SavedForm = { title: string; schema: Record<string, unknown>; uiSchema: Record<string, unknown> };

async function savedForm(page: Page, serviceId: string): Promise<SavedForm | undefined> {
  const response = await page.request.get(`/api/trpc/designer.get?input=${encodeURIComponent(JSON.stringify({ serviceId }))}`);
  const state = (await response.json()).result.data as { draft: { definition: { forms: SavedForm[] } } | null };
  return state.draft?.definition.forms.find((f) => f.title === schema.title);
}

test("an imported rjsf form keeps its wildcard order, labelled choice and dependency field through a label edit", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1600, height: 1000 });
  await signIn(page, "region.admin");
  const serviceId = await openServiceByCode(page, CODE);
  await page.getByRole("tab", { name: "表单" }).click();

  await page.getByRole("button", { name: "导入表单" }).click();
  const panel = page.getByRole("region", { name: "导入表单（react-jsonschema-form）" });
  const schemaBox = panel.getByRole("textbox", { name: "JSON Schema", exact: true });
  await schemaBox.fill('{"type": "object",');
  await panel.getByRole("button", { name: "导入为新表单" }).click();
  await expect(panel.getByRole("alert")).toContainText("JSON Schema：JSON 格式不正确");
  await expect(schemaBox).toHaveAttribute("aria-invalid", "true");
  await schemaBox.fill(JSON.stringify({ ...schema, $schema: "http://json-schema.org/draft-04/schema#" }));
  await panel.getByRole("button", { name: "导入为新表单" }).click();
  await expect(panel.getByRole("alert")).toContainText("不支持的 JSON Schema 版本");
  await expectAccessible(page);

  await schemaBox.fill(JSON.stringify(schema, null, 2));
  await panel.getByRole("textbox", { name: "uiSchema（可留空）" }).fill(JSON.stringify(uiSchema, null, 2));
  await panel.getByRole("button", { name: "导入为新表单" }).click();
  await expect(panel).toHaveCount(0);

  // Fields in the order rjsf shows them: the wildcard's fields in its place, the dependency's field among them.
  const tree = page.getByRole("region", { name: "表单字段" });
  await expect(tree.getByRole("button", { name: /^拖动排序：/ })).toHaveCount(6);
  const order = await tree.getByRole("button", { name: /^拖动排序：/ }).evaluateAll((handles) => handles.map((h) => h.getAttribute("aria-label")));
  expect(order).toEqual(["拖动排序：等级", "拖动排序：单位名称", "拖动排序：联系电话", "拖动排序：是否有分支机构", "拖动排序：分支机构数量", "拖动排序：备注"]);

  // The field declared in the dependency: read-only, saying where.
  const properties = page.getByRole("complementary", { name: "字段属性" });
  await tree.getByRole("button", { name: /^分支机构数量/ }).click();
  await expect(properties.getByRole("note")).toContainText("dependencies（依赖字段“hasBranch”）");
  await expect(properties.getByLabel("帮助文字（显示在输入框下方）")).toHaveValue("不含总部");

  // The labelled choice is a choice: its options with their labels; one label edited.
  await tree.getByRole("button", { name: /^等级/ }).click();
  await expect(properties.getByLabel("字段类型")).toHaveValue("choice");
  await expect(properties.getByLabel("选项2的值")).toHaveValue("2");
  await expect(properties.getByLabel("选项2的显示文字")).toHaveValue("二级");
  await properties.getByLabel("选项2的显示文字").fill("二级（中）");
  const preview = page.getByRole("region", { name: "表单预览" });
  await expect(preview.getByRole("radio", { name: "二级（中）" })).toBeVisible();
  // The read-only field's settings are in the inspector.
  await tree.getByRole("button", { name: /^备注/ }).click();
  await expect(properties.getByLabel("只读（申请人不能修改，readOnly）")).toBeChecked();
  await expect(properties.getByLabel("帮助文字（显示在输入框下方）")).toHaveValue("由经办人填写");
  await expectAccessible(page);

  // Saved: the label changed, nothing else.
  const expected = structuredClone(schema);
  expected.properties.level.oneOf[1].title = "二级（中）";
  await expect.poll(async () => (await savedForm(page, serviceId))?.schema, { timeout: 15_000 }).toEqual(expected);
  expect((await savedForm(page, serviceId))?.uiSchema).toEqual(uiSchema);
});
