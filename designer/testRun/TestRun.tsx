"use client";
/**
 * 试运行: runs a case through the draft's flow with the engine, in the browser only — nothing
 * is stored and no real case is touched. The designer plays the applicant (filling and
 * submitting the forms) and the staff of each step (choosing actions, writing opinions and
 * correction lists — 一次性告知, naming the forms to correct as the workbench does — filling the
 * step's forms); in a 补正 the applicant may change the forms the engine opens to it
 * (`correctionEditableForms`), as on the applicant's page. Simulated time moves on with each event.
 */
import { useMemo, useState, type ReactNode } from "react";
import type { FormDefinition, ServiceDefinition, TaskNode } from "@/runtime/definition/schema";
import { applyEvent, correctionEditableForms, withdrawalAllowed, type CaseEvent, type CaseState, type Effect, type FormsData } from "@/runtime/engine";
import { caseLimitFor } from "@/runtime/definition/caseLimit";
import { applicantForms } from "@/runtime/definition/requirements";
import { validateFormData } from "@/runtime/forms/validate";
import { sampleFormData } from "@/runtime/forms/sample";
import { caseStateLabels, outcomeLabels, taskRoleLabels } from "@/runtime/definition/labels";
import { buttonClass, inputClass, labelClass, primaryButtonClass, smallButtonClass } from "../ui/classes";
import { CorrectionItems, defaultCorrectionComment } from "../ui/CorrectionItems";

type Data = Record<string, unknown>;

export interface RenderFormArgs {
  form: FormDefinition;
  data: Data;
  onChange?: (data: Data) => void;
  readonly: boolean;
}

export interface TestRunProps {
  definition: ServiceDefinition;
  /** Flow problems found by the lint (the run may stop where they are). */
  flowProblems: number;
  renderForm: (args: RenderFormArgs) => ReactNode;
}

interface LogEntry {
  at: string;
  title: string;
  effects: Effect[];
}

const HOUR = 3_600_000;

function effectText(effect: Effect): string | null {
  switch (effect.type) {
    case "notify":
      return `通知${taskRoleLabels[effect.recipient]}：${effect.message}`;
    case "issueDocument":
      return `出具文书：${effect.title}${effect.reason ? `（${effect.reason}）` : ""}`;
    case "setDeadline":
      return effect.dueOn ? `${effect.scope === "case" ? "办件" : "环节"}期限：${effect.dueOn}` : null;
    case "overdue":
      return `已超期（期限 ${effect.dueOn}）`;
    default:
      return null;
  }
}

function TaskCard({ definition, state, taskId, clock, run, renderForm }: { definition: ServiceDefinition; state: CaseState; taskId: string; clock: string; run: (event: CaseEvent, title: string) => void; renderForm: TestRunProps["renderForm"] }) {
  const task = state.tasks.find((t) => t.taskId === taskId)!;
  const node = definition.flow.nodes.find((n) => n.id === task.nodeId) as TaskNode;
  const [comment, setComment] = useState("");
  const [items, setItems] = useState<string[]>([""]);
  const [correctionForms, setCorrectionForms] = useState<string[]>([]);
  const [edits, setEdits] = useState<FormsData>({});
  const [reason, setReason] = useState("");
  // A 补正 opens the step's own forms and those the request named; any other step, its forms marked 填写.
  const editable = new Set(task.correction ? correctionEditableForms(node, task) : node.forms.filter((ref) => ref.mode === "edit").map((ref) => ref.formId));
  const shownIds = [...new Set([...node.forms.map((ref) => ref.formId), ...(task.correction?.forms ?? [])])];
  const forms = shownIds.map((id) => definition.forms.find((f) => f.id === id)).filter((form): form is FormDefinition => !!form);
  const hasCorrection = node.actions.some((a) => a.kind === "correction");
  const listed = items.map((i) => i.trim()).filter(Boolean);
  const actor = { role: task.role };
  return (
    <li className="space-y-3 rounded-lg border bg-background p-3">
      <h3 className="font-semibold">
        {node.label}
        <span className="ml-2 text-sm font-normal text-muted-foreground">
          由{taskRoleLabels[task.role]}办理{task.clock.dueOn ? ` · 期限 ${task.clock.dueOn}` : ""}
          {task.correction ? ` · 需补正：${task.correction.items.join("；")}` : ""}
        </span>
      </h3>
      {forms.map((form) => (
        <details key={form.id} open={editable.has(form.id)} className="rounded border p-2">
          <summary className="cursor-pointer text-sm font-medium">
            {form.title}（{editable.has(form.id) ? (task.correction ? "需补正" : "填写") : "查看"}）
          </summary>
          {renderForm({
            form,
            data: { ...(state.forms[form.id] ?? {}), ...(edits[form.id] ?? {}) },
            readonly: !editable.has(form.id),
            onChange: editable.has(form.id) ? (data) => setEdits((e) => ({ ...e, [form.id]: data })) : undefined,
          })}
        </details>
      ))}
      <label className={labelClass}>
        办理意见
        <textarea className={`${inputClass} h-16`} value={comment} onChange={(e) => setComment(e.target.value)} />
      </label>
      {hasCorrection && (
        <CorrectionItems items={items} onChange={setItems} materials={definition.materials} forms={applicantForms(definition)} formIds={correctionForms} onFormsChange={setCorrectionForms} />
      )}
      <div className="flex flex-wrap gap-2" role="group" aria-label={`${node.label}的操作`}>
        {node.actions.map((action) => (
          <button
            key={action.id}
            type="button"
            className={action.kind === "reject" || action.kind === "terminate" ? buttonClass : primaryButtonClass}
            onClick={() =>
              run(
                {
                  type: "act",
                  at: clock,
                  taskId,
                  actionId: action.id,
                  actor,
                  comment: comment.trim() || (action.kind === "correction" && action.requiresComment ? defaultCorrectionComment(listed.length) : undefined),
                  correctionItems: action.kind === "correction" ? listed : undefined,
                  correctionForms: action.kind === "correction" && correctionForms.length ? correctionForms : undefined,
                  forms: Object.keys(edits).length ? edits : undefined,
                },
                `${taskRoleLabels[task.role]}在“${node.label}”选择“${action.label}”`,
              )
            }
          >
            {action.label}
          </button>
        ))}
      </div>
      {node.pausable && state.status !== "paused" && (
        <div className="flex items-end gap-2">
          <label className={`${labelClass} flex-1`}>
            中止原因
            <input className={inputClass} value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button type="button" className={buttonClass} onClick={() => run({ type: "pause", at: clock, actor, reason }, `在“${node.label}”中止办理`)}>
            中止
          </button>
        </div>
      )}
    </li>
  );
}

export function TestRun({ definition, flowProblems, renderForm }: TestRunProps) {
  const start = useMemo(() => new Date(), []);
  const [elapsed, setElapsed] = useState(0);
  const [state, setState] = useState<CaseState | null>(null);
  const [log, setLog] = useState<LogEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [data, setData] = useState<FormsData>({});
  const forms = useMemo(() => applicantForms(definition), [definition]);
  const clock = new Date(start.getTime() + elapsed).toISOString();

  const run = (event: CaseEvent, title: string) => {
    const result = applyEvent(definition.flow, state, event);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setError(null);
    setState(result.state);
    setLog((l) => [...l, { at: event.at, title, effects: result.effects }]);
    setElapsed((t) => t + HOUR);
  };

  const submit = () => {
    const problems = forms.flatMap((form) => {
      const result = validateFormData(form, data[form.id] ?? {});
      return result.ok ? [] : result.errors.map((e) => `《${form.title}》${e.message}`);
    });
    if (problems.length > 0) {
      setError(`表单填写有误，申请人无法提交：${problems.slice(0, 5).join("；")}${problems.length > 5 ? "……" : ""}`);
      return;
    }
    run({ type: "submit", at: clock, actor: { role: "applicant" }, forms: data, caseLimit: caseLimitFor(definition.guide) }, "申请人提交申请");
  };

  const reset = () => {
    setState(null);
    setLog([]);
    setError(null);
    setElapsed(0);
  };

  return (
    <div className="space-y-4">
      <p className="text-sm text-muted-foreground">
        用当前草稿的流程模拟办理一件申请。试运行只在本页面进行，不会保存，也不会产生真实办件。
        {flowProblems > 0 && <span className="text-destructive"> 流程检查还有 {flowProblems} 个问题，试运行可能在出问题的地方停下。</span>}
      </p>
      {error && (
        <p role="alert" className="rounded-md border border-destructive/40 bg-destructive/5 px-3 py-2 text-sm text-destructive">
          {error}
        </p>
      )}
      {!state ? (
        <section aria-label="申请人填写" className="space-y-3">
          <h2 className="font-semibold">第一步：以申请人身份填写并提交</h2>
          {forms.length === 0 && <p className="text-sm text-muted-foreground">这个事项没有申请人填写的表单。</p>}
          {forms.map((form) => (
            <details key={form.id} open className="rounded-lg border bg-background p-3">
              <summary className="cursor-pointer font-medium">{form.title}</summary>
              <button type="button" className={`${smallButtonClass} my-2`} onClick={() => setData((d) => ({ ...d, [form.id]: sampleFormData(form.schema) }))}>
                用示例数据填写
              </button>
              {renderForm({ form, data: (data[form.id] ?? {}) as Data, readonly: false, onChange: (value) => setData((d) => ({ ...d, [form.id]: value })) })}
            </details>
          ))}
          <button type="button" className={primaryButtonClass} onClick={submit}>提交申请</button>
        </section>
      ) : (
        <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
          <section aria-label="当前办理" className="space-y-3">
            <div className="flex flex-wrap items-center gap-2">
              <h2 className="font-semibold">办件状态：{caseStateLabels[state.status]}</h2>
              {state.outcome && <span className="rounded bg-accent px-2 py-0.5 text-sm">结果：{outcomeLabels[state.outcome]}</span>}
              <span className="text-sm text-muted-foreground">模拟时间 {new Date(clock).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })}</span>
            </div>
            <div className="flex flex-wrap gap-2">
              <button type="button" className={buttonClass} disabled={state.status === "closed"} onClick={() => { setElapsed((t) => t + 24 * HOUR); run({ type: "timer", at: new Date(start.getTime() + elapsed + 24 * HOUR).toISOString() }, "时间过去一天"); }}>
                时间前进一天
              </button>
              {state.status === "paused" && (
                <button type="button" className={buttonClass} onClick={() => run({ type: "resume", at: clock, actor: { role: "caseworker" } }, "恢复办理")}>恢复办理</button>
              )}
              {withdrawalAllowed(state) && (
                <button type="button" className={buttonClass} onClick={() => run({ type: "withdraw", at: clock, actor: { role: "applicant" }, reason: "申请人撤回" }, "申请人撤回申请")}>申请人撤回</button>
              )}
              <button type="button" className={buttonClass} onClick={reset}>重新开始</button>
            </div>
            {state.tasks.length > 0 ? (
              <ul className="space-y-3">
                {state.tasks.map((task) => (
                  <TaskCard key={`${task.taskId}:${state.lastEventAt}`} definition={definition} state={state} taskId={task.taskId} clock={clock} run={run} renderForm={renderForm} />
                ))}
              </ul>
            ) : (
              <p className="text-sm text-muted-foreground">{state.status === "closed" ? "办件已结束。" : "没有待办环节。"}</p>
            )}
          </section>
          <section aria-label="办理记录" className="rounded-lg border bg-background p-3">
            <h2 className="mb-2 font-semibold">办理记录</h2>
            <ol className="space-y-2 text-sm">
              {log.map((entry, i) => (
                <li key={i}>
                  <p className="font-medium">{entry.title}</p>
                  <ul className="ml-4 list-disc text-muted-foreground">
                    {entry.effects.map(effectText).filter(Boolean).map((text, j) => (
                      <li key={j}>{text}</li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          </section>
        </div>
      )}
    </div>
  );
}
