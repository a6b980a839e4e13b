/**
 * Flow-engine throughput: complete cases per second through the four-step flow
 * 申请 → 受理 → 审核 → 复核 → 办结, with our engine and with `bpmn-engine` running the same
 * flow as BPMN (user tasks signalled in order), measured in the same run.
 *
 * Fairness: both sides start from a ready definition — our flow object, bpmn-engine's
 * serialized context parsed once from the XML — and every case is driven from submission to
 * its end. Our cases compute real working-day deadlines (each step has an SLA). The two
 * sides are measured in alternating rounds so that load from other processes on the
 * machine falls on both alike.
 *
 * Second figure, the engine as the product runs it: before each event the case state is read
 * back from JSON and after it the new state is serialised to JSON (what runCaseEvent stores),
 * beside bpmn-engine saving its state after each step (getState + JSON.stringify, which is
 * how its state is persisted; recovering from it is not counted, so the reference does less
 * work than our side). Bounded: about eight seconds in all.
 */
import { Engine } from "bpmn-engine";
import { flow, type Flow } from "@/runtime/definition/schema";
import { applyEvent, type CaseEvent, type CaseState } from "@/runtime/engine";

import { figure, type Figure } from "./figure";

const STEPS = [
  { id: "accept", label: "受理", role: "caseworker", kind: "approve", days: 5 },
  { id: "review", label: "审核", role: "reviewer", kind: "approve", days: 10 },
  { id: "recheck", label: "复核", role: "reviewer", kind: "approve", days: 3 },
  { id: "finish", label: "办结", role: "caseworker", kind: "complete", days: 2 },
] as const;

const fourStepFlow: Flow = flow.parse({
  nodes: [
    { id: "apply", type: "start", label: "申请" },
    ...STEPS.map((step) => ({
      id: step.id,
      type: "task",
      label: step.label,
      role: step.role,
      actions: [{ id: "pass", label: step.label, kind: step.kind }],
      sla: { days: step.days, unit: "workday" },
    })),
    { id: "done", type: "end", label: "办结", outcome: "completed" },
  ],
  edges: [
    { id: "f0", from: "apply", to: "accept" },
    ...STEPS.map((step, position) => ({
      id: `f${position + 1}`,
      from: step.id,
      to: STEPS[position + 1]?.id ?? "done",
      action: "pass",
    })),
  ],
});

const caseEvents: CaseEvent[] = [
  { type: "submit", at: "2025-09-26T09:00:00+08:00", forms: { application: { amount: 5000 } }, caseLimit: { days: 20, unit: "workday" } },
  ...STEPS.map(
    (step, position): CaseEvent => ({
      type: "act",
      at: `2025-10-${String(9 + position).padStart(2, "0")}T10:00:00+08:00`,
      taskId: step.id,
      actionId: "pass",
      actor: { role: step.role },
    }),
  ),
];

function runOurCase(): void {
  let state: CaseState | null = null;
  for (const event of caseEvents) {
    const result = applyEvent(fourStepFlow, state, event);
    if (!result.ok) throw result.error;
    state = result.state;
  }
  if (state?.outcome !== "completed") throw new Error("基准流程未办结");
}

/**
 * The engine as the product runs it: each event is applied to the state read back from its
 * JSON column, and the new state is serialised to JSON to be written (runtime/features/cases/runEvent.ts).
 */
function runOurCasePersisted(): void {
  let stored: string | null = null;
  for (const event of caseEvents) {
    const result = applyEvent(fourStepFlow, stored === null ? null : (JSON.parse(stored) as CaseState), event);
    if (!result.ok) throw result.error;
    stored = JSON.stringify(result.state);
  }
  if ((JSON.parse(stored!) as CaseState).outcome !== "completed") throw new Error("基准流程未办结");
}

const bpmnSource = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="benchDefinitions" targetNamespace="http://bpmn.io/schema/bpmn">
  <process id="fourSteps" isExecutable="true">
    <startEvent id="apply" name="申请" />
    ${STEPS.map((step) => `<userTask id="${step.id}" name="${step.label}" />`).join("\n    ")}
    <endEvent id="done" name="办结" />
    <sequenceFlow id="f0" sourceRef="apply" targetRef="accept" />
    ${STEPS.map((step, position) => `<sequenceFlow id="f${position + 1}" sourceRef="${step.id}" targetRef="${STEPS[position + 1]?.id ?? "done"}" />`).join("\n    ")}
  </process>
</definitions>`;

/** Parses the XML once; the serialized context is what each new engine is given. */
async function bpmnSourceContext(): Promise<unknown> {
  const [definition] = await new Engine({ name: "parse", source: bpmnSource }).getDefinitions();
  return definition.environment.options.source;
}

/** One case through bpmn-engine; with `persist`, its state is saved (getState + JSON.stringify) after every step. */
async function runBpmnCase(sourceContext: unknown, persist = false): Promise<void> {
  const engine = new Engine({ name: "case", sourceContext: sourceContext as never });
  const save = async () => {
    if (persist && JSON.stringify(await engine.getState()).length === 0) throw new Error("bpmn-engine 状态为空");
  };
  const ended = new Promise<void>((resolve, reject) => {
    engine.once("end", () => resolve());
    engine.once("error", reject);
  });
  const execution = await engine.execute();
  await save();
  for (const step of STEPS) {
    const waiting = execution.getPostponed().map((activity) => activity.id);
    if (waiting.length !== 1 || waiting[0] !== step.id) throw new Error(`bpmn-engine 应停在 ${step.id}，实为 ${waiting.join(",")}`);
    execution.signal({ id: step.id });
    if (step !== STEPS[STEPS.length - 1]) await save();
  }
  await ended;
}

interface Tally {
  cases: number;
  ms: number;
}

const tally = (): Tally => ({ cases: 0, ms: 0 });

/** Runs cases for about `budgetMs`, in batches, adding what it did to `tally`. */
async function runFor(budgetMs: number, batch: number, runCase: () => void | Promise<void>, tally: Tally): Promise<void> {
  const started = performance.now();
  let cases = 0;
  while (performance.now() - started < budgetMs) {
    for (let done = 0; done < batch; done++) await runCase();
    cases += batch;
  }
  tally.cases += cases;
  tally.ms += performance.now() - started;
}

export async function benchEngine(): Promise<Figure[]> {
  const sourceContext = await bpmnSourceContext();
  const tallies = { ours: tally(), theirs: tally(), oursPersisted: tally(), theirsPersisted: tally() };
  const sides: [Tally, number, () => void | Promise<void>, number][] = [
    [tallies.ours, 100, () => runOurCase(), 350],
    [tallies.theirs, 1, () => runBpmnCase(sourceContext), 700],
    [tallies.oursPersisted, 100, () => runOurCasePersisted(), 350],
    [tallies.theirsPersisted, 1, () => runBpmnCase(sourceContext, true), 700],
  ];
  // Warm-up, then three alternating rounds.
  for (const [, batch, runCase, budget] of sides) await runFor(budget / 2, batch, runCase, tally());
  for (let round = 0; round < 3; round++) {
    for (const [into, batch, runCase, budget] of sides) await runFor(budget, batch, runCase, into);
  }
  const rate = (t: Tally) => (t.cases / t.ms) * 1000;
  return [
    figure("四步流程完整办件吞吐量（申请→受理→审核→复核→办结）", rate(tallies.ours), "件/秒", "bpmn-engine（同一四步流程，用户任务依次 signal，XML 预先解析）", rate(tallies.theirs)),
    figure(
      "同上，按产品的运行方式：每步从 JSON 读出状态、执行事件、状态序列化为 JSON",
      rate(tallies.oursPersisted),
      "件/秒",
      "bpmn-engine，同一流程，每步保存状态（getState + JSON.stringify）",
      rate(tallies.theirsPersisted),
    ),
  ];
}
