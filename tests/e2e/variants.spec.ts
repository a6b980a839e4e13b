/**
 * Local variants end to end (issue 8): 新城区's administrator opens a region service in the
 * designer, chooses 定制本地版本, adds a material and shortens the promised limit, sees each
 * change marked (本地新增, 本地修改 with the parent's value beside it, 🔒 上级已锁定 on the
 * locked material) and publishes version 1 of the variant. Lengthening the limit past the
 * parent's then names the rule in Chinese and publishing is refused (disabled in the designer,
 * BAD_REQUEST from the server). The designer page passes axe.
 */
import { test, expect } from "@playwright/test";
import { CSRF_COOKIE, CSRF_HEADER } from "@/runtime/auth/cookies";
import { signIn, expectAccessible } from "./helpers";

const SERVICE = { code: "s020", title: "机关事业单位参保单位基本信息变更" };
const shot = (name: string) => `test-results/e2e-artifacts/variants-${name}.png`;

test("a banner administrator customises a region service within the region's rules", async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await signIn(page, "xincheng.admin");
  await page.goto("/designer");
  await page.getByLabel("搜索事项").fill(SERVICE.code);
  const row = page.getByRole("row", { name: new RegExp(SERVICE.code) }).filter({ has: page.getByRole("button", { name: /定制本地版本/ }) });
  await expect(row).toContainText("内蒙古自治区");
  await page.screenshot({ path: shot("1-list"), fullPage: true });
  await row.getByRole("button", { name: /定制本地版本/ }).click();

  // The variant opens on its differences: none yet.
  await expect(page).toHaveURL(/\/designer\/services\//);
  await expect(page.getByTestId("variant-base")).toContainText("本地版本：基于内蒙古自治区的第 1 版定制");
  await expect(page.getByRole("heading", { name: /与上级.*的差异：无，全部沿用上级/ })).toBeVisible();
  await expectAccessible(page);

  // An extra material; the region's required material is locked.
  await page.getByRole("tab", { name: "材料" }).click();
  await expect(page.locator('[data-item-mark="material/m1"]')).toContainText("上级已锁定");
  await expect(page.getByLabel("材料名称（第1项）")).toBeDisabled();
  await page.getByRole("button", { name: "添加材料" }).click();
  await page.getByLabel("材料名称（第2项）").fill("社区出具的单位地址证明");
  await expect(page.locator('[data-item-mark^="material/"]').last()).toContainText("本地新增");

  // A shorter promised limit: marked 本地修改, the parent's 3 working days beside it.
  await page.getByRole("tab", { name: "办事指南" }).click();
  await page.getByLabel("承诺办结时限第1项的原文表述").fill("2个工作日");
  await page.getByLabel("承诺办结时限第1项的天数").fill("2");
  const limitMark = page.locator('[data-item-mark="guide.promisedLimit"]');
  await expect(limitMark).toContainText("本地修改");
  await expect(limitMark).toContainText("上级的值：3个工作日");
  await expect(page.locator('[data-item-mark="guide.fee"]')).toContainText("上级已锁定");
  await expect(page.getByText(/已自动保存/)).toBeVisible();
  await page.screenshot({ path: shot("2-guide-marks"), fullPage: true });

  await page.getByRole("tab", { name: "本地差异" }).click();
  await expect(page.getByRole("heading", { name: /的差异：2 处/ })).toBeVisible();
  await expect(page.locator('[data-variant-item="guide.promisedLimit"]')).toContainText("上级的值：3个工作日");
  await expectAccessible(page);
  await page.screenshot({ path: shot("3-differences"), fullPage: true });

  await page.getByRole("button", { name: "发布", exact: true }).click();
  await page.getByRole("button", { name: "确认发布" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已发布第 1 版" })).toBeVisible();

  // Longer than the region's promised limit: the rule named, publishing disabled.
  await page.getByRole("tab", { name: "办事指南" }).click();
  await page.getByLabel("承诺办结时限第1项的原文表述").fill("5个工作日");
  await page.getByLabel("承诺办结时限第1项的天数").fill("5");
  const blocked = page.locator("#publish-blocked");
  await expect(blocked).toContainText("「承诺时限只能缩短，不能延长」办事指南：承诺办结时限：5个工作日长于上级的承诺时限 3个工作日");
  await expect(page.getByRole("button", { name: "发布", exact: true })).toBeDisabled();
  await page.getByRole("button", { name: /检查：1 个问题/ }).click();
  await expect(page.locator("#lint-panel")).toContainText("承诺时限只能缩短，不能延长");
  await expect(page.getByText(/已自动保存/)).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: shot("4-refused"), fullPage: true });

  // The server refuses it too, naming the rule.
  const serviceId = page.url().split("/").pop()!;
  const state = await (await page.request.get(`/api/trpc/designer.get?input=${encodeURIComponent(JSON.stringify({ serviceId }))}`)).json();
  const draft = state.result.data.draft;
  const csrf = decodeURIComponent((await page.context().cookies()).find((c) => c.name === CSRF_COOKIE)!.value);
  const refused = await page.request.post("/api/trpc/designer.publish", { data: { serviceId, draftId: draft.id, revision: draft.revision }, headers: { [CSRF_HEADER]: csrf } });
  expect(refused.status()).toBe(400);
  expect(JSON.stringify(await refused.json())).toContain("承诺时限只能缩短，不能延长");
});

/**
 * A variant's own step between 审核 and 办理 (s003 at 新城区): 本地差异 and, once published,
 * 本地版本概览 word the changed connection by its steps' names and its action, never by ids
 * (QA found 「accept → step_150121_2」).
 */
test("the differences of a variant's flow name its steps and actions", async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await signIn(page, "xincheng.admin");
  await page.goto("/designer");
  await page.getByLabel("搜索事项").fill("s003");
  await page.getByRole("row", { name: /s003/ }).getByRole("button", { name: /定制本地版本/ }).click();
  await expect(page.getByTestId("variant-base")).toContainText("本地版本");

  // A step of 新城区's own after 审核: 审核通过 leads to it, and it to 办理.
  await page.getByRole("tab", { name: "流程" }).click();
  await page.getByTestId("rf__node-review").click();
  await page.getByRole("group", { name: "节点类型" }).getByRole("button", { name: "步骤", exact: true }).click();
  const inspector = page.getByRole("complementary", { name: "属性" });
  await inspector.getByLabel("名称", { exact: true }).fill("社区核实");
  await inspector.getByLabel("操作1的名称").fill("核实无误");
  await inspector.getByLabel("操作1通向").selectOption({ label: "→ 办理" });
  await page.getByTestId("rf__node-review").click();
  await inspector.getByLabel("操作1通向").selectOption({ label: "→ 社区核实" });
  await expect(page.getByText(/已自动保存/)).toBeVisible();

  await page.getByRole("tab", { name: "本地差异" }).click();
  const edge = page.locator('[data-variant-item="edge/review--handle--approve"]');
  await expect(edge).toContainText("上级的值：审核 → 办理（审核通过）");
  await expect(edge).toContainText("本地的值：审核 → 社区核实（审核通过）");
  const panel = page.getByRole("region", { name: /与上级.*的差异/ });
  await expect(panel).toContainText("社区核实 → 办理（操作：核实无误）");
  await expect(panel).not.toContainText("step_");
  await page.screenshot({ path: shot("5-flow-differences"), fullPage: true });

  await page.getByRole("button", { name: "发布", exact: true }).click();
  await page.getByRole("button", { name: "确认发布" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已发布第 1 版" })).toBeVisible();

  await page.goto("/designer/variants");
  await page.getByRole("row", { name: /\bs003\b/ }).getByRole("button", { name: /各单位情况/ }).click();
  await page.getByRole("row", { name: /新城区/ }).getByRole("button", { name: /查看差异/ }).click();
  const differences = page.getByRole("region", { name: /的差异$/ });
  await expect(differences).toContainText("审核 → 办理（审核通过）");
  await expect(differences).toContainText("审核 → 社区核实（审核通过）");
  await expect(differences).not.toContainText("step_");
  await expectAccessible(page);
  await page.screenshot({ path: shot("6-overview-flow"), fullPage: true });
});
