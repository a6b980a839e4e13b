/**
 * 校验与共享 end to end, against the simulator of the external systems over HTTP (started by
 * tests/e2e/serve.ts): 企业职工正常退休申请 filed by 张三, whom the tax system reports in arrears.
 * Opening 受理 runs the step's mandatory pre-checks: 欠费 fails and blocks 受理 until overridden
 * with a reason; 社保卡系统 gives the card number; 户籍 answers too slowly, times out and falls back
 * to the caseworker's manual check — each visible in the case's timeline.
 */
import { test, expect } from "@playwright/test";
import { signIn, expectAccessible, confirmRisks } from "./helpers";
import { fileApplication } from "./api";
import { readTemplates } from "@/seed/loadTemplates";
import { setSimulatorMode } from "@/tests/support/e2eSimulator";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const ARREARS = "是否存在账户欠费";
const ALIVE = "是否有生存信息";

test.afterEach(async () => {
  await setSimulatorMode(PORT, "civilRegistry", "normal");
});

test("企业职工正常退休申请：欠费校验未通过阻止受理，填写理由后越过；社保卡号由社保卡系统共享；户籍系统超时转人工核验", async ({ browser }) => {
  test.setTimeout(120_000);
  const def = readTemplates().find((d) => d.title === "企业职工正常退休申请")!;
  expect(def.connectors?.preChecks.find((b) => b.check === ARREARS)).toMatchObject({ connector: "taxContributions" });

  const applicant = await (await browser.newContext()).newPage();
  await signIn(applicant, "zhangsan");
  const filed = await fileApplication(applicant, def, "150102");

  // 户籍 answers after 5 s; the platform waits 1.5 s (CONNECTOR_TIMEOUT_MS in serve.ts).
  await setSimulatorMode(PORT, "civilRegistry", "slow", 5000);

  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, "xincheng.caseworker");
  await staff.goto(`/workbench/cases/${filed.id}`);
  await expect(staff.getByRole("heading", { name: "当前环节：受理" })).toBeVisible();
  const panel = staff.getByTestId("checks-panel");
  const item = (label: string) => panel.getByTestId("check-item").filter({ hasText: label });

  // The checks ran when the step was opened: each with the system that answered.
  await expect(item(ARREARS)).toContainText("未通过", { timeout: 20_000 });
  await expect(item(ARREARS)).toContainText("税务（社会保险费征缴）答复");
  await expect(item(ARREARS)).toContainText("欠缴基本养老保险费 3 个月");
  await expect(item(ALIVE)).toContainText("系统不可用");
  await expect(item(ALIVE)).toContainText("接口响应超时");
  await expect(item("社保保障卡账号")).toContainText("已获取");
  await expect(item("社保保障卡账号").getByTestId("shared-cardNumber")).toHaveText("150102D15600003X");
  await expect(panel.getByTestId("checks-blocking")).toContainText(ARREARS);
  await expectAccessible(staff);

  // 受理 is refused while the mandatory checks have not cleared.
  await staff.getByRole("button", { name: "认领任务" }).click();
  // The step's 风险点 are confirmed, so what holds 受理 back is the checks alone.
  await expect(staff.getByTestId("risk-checklist").getByRole("checkbox").first()).toBeVisible();
  await confirmRisks(staff);
  await staff.getByRole("radio", { name: "予以受理" }).check(); // 受理 also offers 一次性告知补正 and 不予受理
  await staff.getByRole("button", { name: "确认：予以受理" }).click();
  await expect(staff.getByRole("alert").filter({ hasText: "强制前置校验未通过或尚未完成" })).toBeVisible();

  // 户籍 did not answer: the caseworker checks by hand, and it is recorded as such.
  await item(ALIVE).getByRole("button", { name: "人工核验" }).click();
  await item(ALIVE).getByLabel("核验情况（查验的材料或途径）").fill("查验申请人本人到场及居民身份证原件");
  await item(ALIVE).getByRole("button", { name: "记录人工核验" }).click();
  await expect(item(ALIVE)).toContainText("人工核验（新城区经办员");

  // 欠费 failed: overridden only with a reason.
  await item(ARREARS).getByRole("button", { name: "填写理由并越过" }).click();
  await item(ARREARS).getByRole("button", { name: "确认越过" }).click();
  await expect(item(ARREARS).getByRole("alert")).toHaveText("请填写越过校验的理由");
  const reason = "申请人已在窗口补缴 2026 年 7 至 9 月欠费，缴费凭证已核验";
  await item(ARREARS).getByLabel(/越过理由/).fill(reason);
  await item(ARREARS).getByRole("button", { name: "确认越过" }).click();
  await expect(item(ARREARS)).toContainText("已越过");
  await expect(item(ARREARS)).toContainText(`理由：${reason}`);
  await expect(panel.getByTestId("checks-blocking")).toHaveCount(0);

  await confirmRisks(staff);
  await staff.getByRole("button", { name: "确认：予以受理" }).click();
  await expect(staff.getByRole("status").filter({ hasText: "已办理：予以受理" })).toBeVisible();

  // The timeline tells who asked which system, what it answered, the manual check and the override.
  const timeline = staff.getByTestId("timeline");
  await expect(timeline).toContainText("前置校验：税务（社会保险费征缴）答复");
  await expect(timeline).toContainText(`${ARREARS}（强制）：未通过`);
  await expect(timeline).toContainText("前置校验：户籍（公安部门）不可用（接口响应超时");
  await expect(timeline).toContainText(`人工核验：${ALIVE}（通过）`);
  await expect(timeline).toContainText(`越过前置校验：${ARREARS}`);
  await expect(timeline).toContainText(reason);
  await expect(timeline).toContainText("共享获取：社保保障卡账号（社保卡系统）已获取");
  await expect(timeline).toContainText("社会保障卡号：150102D15600003X");

  // At the next step the override stays in view, with who and why.
  await staff.reload();
  await expect(staff.getByRole("heading", { name: "当前环节：结果反馈" })).toBeVisible();
  await expect(staff.getByTestId("checks-panel")).toContainText(`新城区经办员于`);
  await expect(staff.getByTestId("checks-panel")).toContainText(`理由：${reason}`);
  await expectAccessible(staff);

  // The applicant's timeline does not show the office's checks.
  await applicant.goto(`/cases/${filed.id}`);
  await expect(applicant.getByTestId("timeline")).toBeVisible();
  await expect(applicant.getByTestId("timeline")).not.toContainText("前置校验");
});

test("设计器“校验与共享”：模板的前置校验、共享需求已绑定到接口，管理员可改绑并看到未绑定项", async ({ page }) => {
  await signIn(page, "region.admin");
  await page.goto("/designer");
  await page.getByLabel("搜索事项").fill("s055");
  await page.getByRole("row", { name: /\bs055\b/ }).getByRole("link").click();
  await page.getByRole("tab", { name: "校验与共享" }).click();
  const editor = page.getByTestId("connectors-editor");
  await expect(editor).toBeVisible();
  const arrears = editor.getByLabel(/接口（校验项 9）/);
  await expect(arrears).toHaveValue("taxContributions/noArrears");
  await expect(editor.getByLabel(/接口（共享项 3）/)).toHaveValue("ssCard");
  await expect(editor).not.toContainText("尚未绑定接口");
  await expectAccessible(page);
  // Unbinding one shows it as unbound, and the default rules bind it again.
  await arrears.selectOption("");
  await expect(editor).toContainText("有 1 项尚未绑定接口");
  await editor.getByRole("button", { name: "按默认规则绑定未绑定项" }).click();
  await expect(arrears).toHaveValue("taxContributions/noArrears");
});
