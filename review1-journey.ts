// temporary exploration script (review1) — not part of the project
import { chromium, type Page, type Browser } from "playwright-core";
import AxeBuilder from "@axe-core/playwright";
import { readTemplates } from "./seed/loadTemplates";
import { applicantForms, requiredUploads } from "./runtime/features/applications/requirements";
import { attestationModeOf } from "./runtime/forms/attestation";
import { sampleValue } from "./runtime/forms/sample";
import { isOfficeUseUi } from "./runtime/forms/officeUse";

const BASE = "http://127.0.0.1:3260";
const [code, width = "1280", user = "zhangsan", mode = "pass"] = process.argv.slice(2);
const def = readTemplates().find((d) => d.code === code)!;
type Schema = Record<string, unknown> & { properties?: Record<string, Schema>; required?: string[]; items?: Schema; enum?: unknown[]; type?: string };
const out = (n: string) => `/tmp/review1/shots/j-${code}-${width}-${n}.png`;
let page: Page;
async function check(name: string) {
  await page.waitForLoadState("networkidle").catch(() => {});
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const eng = await page.evaluate(() => { const t = document.body.innerText; return (t.match(/\b[A-Za-z][A-Za-z ]{4,}\b/g) || []).filter((w) => !/NM\d|PDF|JPG|PNG|OFD|YYYY/.test(w)).slice(0, 10); });
  console.log(name, page.url().replace(BASE, ""), "overflow", overflow, "axe", JSON.stringify(axe.violations.map((v) => `${v.id}(${v.nodes.length}) ${v.nodes[0]?.target}`)), "eng", JSON.stringify(eng));
  await page.screenshot({ path: out(name), fullPage: true });
}
async function fillRequired(id: string, schema: Schema, ui: unknown): Promise<void> {
  for (const key of schema.required ?? []) {
    const sub = schema.properties?.[key];
    const subUi = ui && typeof ui === "object" ? (ui as Record<string, unknown>)[key] : undefined;
    if (sub && !isOfficeUseUi(subUi)) await fillValue(`${id}_${key}`, sub, subUi);
  }
}
async function fillValue(id: string, schema: Schema, ui: unknown): Promise<void> {
  const mode = attestationModeOf(schema);
  if (mode) {
    await page.locator(`#${id}_signed`).check();
    const name = page.locator(`#${id}_name`);
    if (await name.count()) await name.fill(mode === "seal" ? "呼和浩特市示例有限公司" : "张三");
    const date = page.locator(`#${id}_date`);
    if ((await date.count()) && !(await date.inputValue())) await date.fill("2026-01-15");
    return;
  }
  if (schema.type === "object") return fillRequired(id, schema, ui);
  if (schema.type === "array") {
    const items = schema.items ?? {};
    if (Array.isArray(items.enum)) return page.locator(`#${id}-0`).click();
    if ((await page.locator(`[id^="${id}_0_"]`).count()) === 0) await page.locator(`#${id}`).getByRole("button", { name: "添加一行" }).click();
    return fillRequired(`${id}_0`, items, (ui as Record<string, unknown> | undefined)?.items);
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
const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
async function signIn(p: Page, u: string) {
  await p.goto(`${BASE}/login`);
  await p.getByLabel("用户名").fill(u);
  await p.getByLabel("密码").fill("Demo@2026");
  await p.getByRole("button", { name: "登录" }).click();
  await p.getByTestId("current-user").waitFor();
}
const browser: Browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
try {
  page = await (await browser.newContext({ viewport: { width: Number(width), height: 900 }, locale: "zh-CN" })).newPage();
  await page.goto(`${BASE}/hall/services/${code}`);
  await check("1-guide");
  await signIn(page, user);
  await page.goto(`${BASE}/hall/services/${code}/apply`);
  await page.waitForLoadState("networkidle");
  const league = page.getByLabel("第一步：选择盟市");
  if (await league.count()) {
    await league.selectOption({ label: "呼和浩特市" });
    const banner = page.getByRole("radio", { name: "新城区" });
    if (await banner.count()) await banner.check();
  }
  await check("2-apply");
  await page.getByRole("button", { name: "开始填写" }).click();
  await page.waitForURL(/\/cases\/[^/]+\/edit$/);
  const caseId = page.url().split("/").at(-2)!;
  console.log("CASE", caseId);
  const forms = applicantForms(def);
  for (let i = 0; i < forms.length; i++) {
    await page.getByRole("heading", { name: `第${i + 1}步：${forms[i].title}` }).waitFor({ timeout: 10000 });
    await fillRequired(`form-${forms[i].id}`, forms[i].schema as Schema, forms[i].uiSchema);
    await check(`3-form${i + 1}`);
    await page.getByRole("button", { name: /^下一步/ }).click();
  }
  await page.getByRole("heading", { name: /上传材料/ }).waitFor({ timeout: 10000 });
  for (const m of requiredUploads(def)) await page.locator(`#file-${m.id}`).setInputFiles({ name: `${m.name.slice(0, 20)}.png`, mimeType: "image/png", buffer: png });
  await page.waitForTimeout(800);
  await check("4-materials");
  await page.getByRole("button", { name: "下一步：确认" }).click();
  await page.getByRole("heading", { name: /确认提交/ }).waitFor();
  await check("5-review");
  await page.getByRole("button", { name: "提交申请" }).click();
  await page.waitForURL(/submitted$/, { timeout: 15000 });
  await check("6-submitted");
  await page.getByRole("link", { name: "查看并打印受理回执" }).click();
  await page.getByRole("heading", { name: "受理回执" }).waitFor();
  await check("7-receipt");
  await page.goto(`${BASE}/cases`);
  await check("8-mycases");
  const staff = await (await browser.newContext({ viewport: { width: Number(width), height: 900 }, locale: "zh-CN" })).newPage();
  await signIn(staff, "xincheng.caseworker");
  await staff.goto(`${BASE}/workbench`);
  const saved = page; page = staff; await check("9-inbox");
  await staff.goto(`${BASE}/workbench/cases/${caseId}`);
  await check("10-staffcase");
  page = saved;
  console.log("OK", caseId);
} catch (e) {
  console.log("FAIL", String(e).slice(0, 600));
  await page.screenshot({ path: out("fail"), fullPage: true }).catch(() => {});
} finally {
  await browser.close();
}
