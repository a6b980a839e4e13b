/**
 * Designer responsiveness in Chromium against the production server (started here on a spare
 * port with a temporary SQLite database), each figure beside a reference measured in the same
 * session on the smallest flow — a new blank service (4 nodes, a 4-field form):
 *   - opening the largest seeded flow, and a generated 200-node flow, until every node is drawn;
 *   - opening the largest seeded form until its field list and live preview are drawn;
 *   - at 200 nodes: selecting a node (until the inspector shows it), a keyboard nudge and a
 *     drag step (until the node is drawn at its new place).
 * Each is the median of several alternating runs.
 */
import { chromium, type Page } from "playwright-core";
import type { Flow, FlowNode } from "@/runtime/definition/schema";
import { readTemplates } from "@/seed/loadTemplates";
import { blankDefinition } from "@/runtime/definition/blankDefinition";
import { taskDefaults } from "@/runtime/definition/blankParts";
import { layoutFlow } from "@/designer/core/layout";
import { moveNodes } from "@/designer/core/flowOps";
import { readForm, type FieldModel } from "@/designer/core/formModel";
import { figure, type Figure } from "./figure";
import { BENCH_DEMO_PASSWORD, startProductServer } from "./productServer";

const RUNS = Number(process.env.BENCH_DESIGNER_RUNS ?? 5);


/** Fields the form designer lists (sections, tables and what is inside them). */
const fieldCount = (fields: FieldModel[]): number => fields.reduce((n, f) => n + 1 + fieldCount(f.children), 0);
const formFields = (form: { schema: Record<string, unknown>; uiSchema: Record<string, unknown> }) => fieldCount(readForm(form.schema, form.uiSchema).fields);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** A chain start → 198 steps → end, laid out by the designer's own layout. */
function bigFlow(tasks = 198): Flow {
  const nodes: FlowNode[] = [
    { id: "start", type: "start", label: "申请", position: { x: 0, y: 0 } },
    ...Array.from({ length: tasks }, (_, i): FlowNode => ({
      id: `t${i + 1}`,
      type: "task",
      label: `步骤 ${i + 1}`,
      role: i % 2 ? "reviewer" : "caseworker",
      actions: [{ id: "pass", label: "通过", kind: "approve", requiresComment: false }],
      ...taskDefaults(),
      sla: { days: 1, unit: "workday" },
      position: { x: 0, y: 0 },
    })),
    { id: "done", type: "end", label: "办结", outcome: "completed", position: { x: 0, y: 0 } },
  ];
  const ids = nodes.map((n) => n.id);
  const flow: Flow = {
    derivation: "designed",
    nodes,
    edges: ids.slice(1).map((to, i) => ({ id: `e${i + 1}`, from: ids[i], to, ...(i === 0 ? {} : { action: "pass" }) })),
  };
  return moveNodes(flow, layoutFlow(flow));
}

class Api {
  constructor(
    private readonly base: string,
    private readonly headers: Record<string, string>,
  ) {}

  static async signIn(base: string): Promise<Api> {
    const res = await fetch(`${base}/api/trpc/auth.signIn`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "region.admin", password: BENCH_DEMO_PASSWORD }),
    });
    if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
    const cookies = res.headers.getSetCookie().map((c) => c.split(";")[0]);
    const csrf = cookies.find((c) => c.startsWith("hrss_csrf="))?.split("=")[1] ?? "";
    return new Api(base, { cookie: cookies.join("; "), "x-csrf-token": decodeURIComponent(csrf) });
  }

  get cookies(): { name: string; value: string }[] {
    return this.headers.cookie.split("; ").map((c) => ({ name: c.slice(0, c.indexOf("=")), value: c.slice(c.indexOf("=") + 1) }));
  }

  async query<T>(name: string, input?: unknown): Promise<T> {
    const qs = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    const res = await fetch(`${this.base}/api/trpc/${name}${qs}`, { headers: this.headers });
    if (!res.ok) throw new Error(`${name}: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { result: { data: T } }).result.data;
  }

  async mutate<T>(name: string, input: unknown): Promise<T> {
    const res = await fetch(`${this.base}/api/trpc/${name}`, { method: "POST", headers: { ...this.headers, "content-type": "application/json" }, body: JSON.stringify(input) });
    if (!res.ok) throw new Error(`${name}: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { result: { data: T } }).result.data;
  }
}

/** Milliseconds from navigation to the editor until `nodes` flow nodes are drawn. */
async function openFlow(page: Page, base: string, serviceId: string, nodes: number): Promise<number> {
  await page.goto("about:blank");
  const start = Date.now();
  await page.goto(`${base}/designer/services/${serviceId}`);
  await page.waitForFunction((n) => document.querySelectorAll(".react-flow__node").length === n && [...document.querySelectorAll(".react-flow__node")].every((el) => (el as HTMLElement).style.visibility !== "hidden"), nodes, { timeout: 60_000, polling: "raf" });
  return Date.now() - start;
}

/** Milliseconds from pressing the 表单 tab (form `formId` chosen) until its fields and preview are drawn. */
async function openForm(page: Page, base: string, serviceId: string, formId: string, fields: number): Promise<number> {
  await page.goto(`${base}/designer/services/${serviceId}`);
  await page.waitForSelector(".react-flow__node");
  const tab = page.getByRole("tab", { name: "表单" });
  const start = Date.now();
  await tab.click();
  await page.getByRole("combobox", { name: "表单", exact: true }).selectOption(formId);
  await page.waitForFunction(
    (n) => document.querySelectorAll('[aria-label="表单字段"] li button[aria-pressed]').length === n && !!document.querySelector('[aria-label="表单预览"] form'),
    fields,
    { timeout: 60_000, polling: "raf" },
  );
  return Date.now() - start;
}

/**
 * In-page timings at the open flow: select a node, nudge it by keyboard, drag it one step.
 * Plain JavaScript source (evaluated as is, untouched by the TypeScript loader).
 */
const interactionScript = `async ({ nodeId, label }) => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  // a wait that never ends is a broken measurement, not a figure: it fails the bench
  const until = async (ok, what) => {
    for (let i = 0; i < 600 && !ok(); i++) await frame();
    if (!ok()) throw new Error("the designer did not show " + what + " within 600 frames");
    await frame();
  };
  const node = document.querySelector('[data-testid="rf__node-' + nodeId + '"]');
  const inspector = () => document.querySelector('aside[aria-label="属性"] h2')?.textContent ?? "";
  const x = () => new DOMMatrix(getComputedStyle(node).transform).m41;

  let t = performance.now();
  node.dispatchEvent(new MouseEvent("click", { bubbles: true }));
  await until(() => inspector().includes(label), "the selected node in the inspector");
  const select = performance.now() - t;

  node.focus();
  const before = x();
  t = performance.now();
  node.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true }));
  await until(() => x() !== before, "the keyboard nudge");
  const nudge = performance.now() - t;

  const box = node.getBoundingClientRect();
  const cx = box.left + box.width / 2;
  const cy = box.top + box.height / 2;
  node.dispatchEvent(new MouseEvent("mousedown", { bubbles: true, clientX: cx, clientY: cy, button: 0, buttons: 1, view: window }));
  // the first move starts the drag (d3-drag) without moving the node: not timed
  window.dispatchEvent(new MouseEvent("mousemove", { bubbles: true, clientX: cx + 2, clientY: cy, buttons: 1, view: window }));
  await frame();
  const moves = [];
  for (let step = 1; step <= 10; step++) {
    const at = x();
    t = performance.now();
    window.dispatchEvent(new MouseEvent("mousemove", { bubbles: true, clientX: cx + step * 12, clientY: cy, buttons: 1, view: window }));
    await until(() => x() !== at, "a drag step");
    moves.push(performance.now() - t);
  }
  window.dispatchEvent(new MouseEvent("mouseup", { bubbles: true, clientX: cx + 120, clientY: cy, view: window }));
  await frame();
  moves.sort((a, b) => a - b);
  return { select, nudge, drag: moves[Math.floor(moves.length / 2)] };
}`;

interface Interaction {
  select: number;
  nudge: number;
  drag: number;
}

async function interact(page: Page, nodeId: string, label: string): Promise<Interaction> {
  return page.evaluate(`(${interactionScript})(${JSON.stringify({ nodeId, label })})`) as Promise<Interaction>;
}

export async function benchDesigner(): Promise<Figure[]> {
  const templates = readTemplates();
  const largestFlow = [...templates].sort((a, b) => b.flow.nodes.length - a.flow.nodes.length)[0];
  const forms = templates.flatMap((d) => d.forms.map((f) => ({ code: d.code, formId: f.id, fields: formFields(f) })));
  const largestForm = forms.sort((a, b) => b.fields - a.fields)[0];
  const blankForm = blankDefinition("bench-blank", "", { part: "", category: "" }).forms[0];

  const server = await startProductServer(3800 + Math.floor(Math.random() * 500), "designer-bench");
  const base = server.base;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
  try {
    const api = await Api.signIn(base);
    const services = await api.query<{ id: string; code: string }[]>("designer.list");
    const idOf = (code: string) => services.find((s) => s.code === code)!.id;
    const blank = await api.mutate<{ serviceId: string; draftId: string }>("designer.createService", { code: "bench-blank", title: "基准：空白事项", part: "基准", category: "基准" });
    const big = await api.mutate<{ serviceId: string; draftId: string }>("designer.createService", { code: "bench-200", title: "基准：200 个节点", part: "基准", category: "基准" });
    const bigState = await api.query<{ draft: { definition: Record<string, unknown>; revision: number } }>("designer.get", { serviceId: big.serviceId });
    const flow200 = bigFlow();
    await api.mutate("designer.saveDraft", { serviceId: big.serviceId, draftId: big.draftId, revision: bigState.draft.revision, definition: { ...bigState.draft.definition, flow: flow200 } });

    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: "zh-CN" });
    await context.addCookies(api.cookies.map((c) => ({ ...c, url: base })));
    const page = await context.newPage();

    const timings = { blankOpen: [] as number[], largestOpen: [] as number[], bigOpen: [] as number[], blankForm: [] as number[], largestForm: [] as number[] };
    // Warm-up: first loads compile and cache scripts.
    await openFlow(page, base, blank.serviceId, 4);
    await openFlow(page, base, idOf(largestFlow.code), largestFlow.flow.nodes.length);
    for (let run = 0; run < RUNS; run++) {
      timings.blankOpen.push(await openFlow(page, base, blank.serviceId, 4));
      timings.largestOpen.push(await openFlow(page, base, idOf(largestFlow.code), largestFlow.flow.nodes.length));
      timings.bigOpen.push(await openFlow(page, base, big.serviceId, flow200.nodes.length));
      timings.blankForm.push(await openForm(page, base, blank.serviceId, blankForm.id, formFields(blankForm)));
      timings.largestForm.push(await openForm(page, base, idOf(largestForm.code), largestForm.formId, largestForm.fields));
    }

    const interactions = { small: [] as Interaction[], big: [] as Interaction[] };
    for (let run = 0; run < RUNS; run++) {
      await openFlow(page, base, blank.serviceId, 4);
      interactions.small.push(await interact(page, "intake", "受理"));
      await openFlow(page, base, big.serviceId, flow200.nodes.length);
      interactions.big.push(await interact(page, "t100", "步骤 100"));
    }
    const of = (list: typeof interactions.small, key: "select" | "nudge" | "drag") => median(list.map((i) => i[key]));
    const reference = "new blank service (4 nodes; its 4-field form), same session";
    return [
      figure(`open largest seeded flow (${largestFlow.code}, ${largestFlow.flow.nodes.length} nodes) until drawn`, median(timings.largestOpen), "ms", reference, median(timings.blankOpen)),
      figure(`open a 200-node flow until drawn`, median(timings.bigOpen), "ms", reference, median(timings.blankOpen)),
      figure(`open largest seeded form (${largestForm.code} ${largestForm.formId}, ${largestForm.fields} fields) with live preview`, median(timings.largestForm), "ms", reference, median(timings.blankForm)),
      figure("select a node at 200 nodes (until the inspector shows it)", of(interactions.big, "select"), "ms", reference, of(interactions.small, "select")),
      figure("keyboard nudge at 200 nodes (until drawn)", of(interactions.big, "nudge"), "ms", reference, of(interactions.small, "nudge")),
      figure("drag step at 200 nodes (until drawn)", of(interactions.big, "drag"), "ms", reference, of(interactions.small, "drag")),
    ];
  } finally {
    await browser.close();
    await server.stop();
  }
}
