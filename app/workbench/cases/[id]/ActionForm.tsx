"use client";
/** The step's actions: choose one, give the comment it needs, or list what the applicant must correct. */
import { useId, useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTRPC, errorMessage } from "@/app/_trpc/client";
import type { StaffCase } from "@/app/_components/types";
import { CorrectionItems, defaultCorrectionComment } from "@/designer/ui/CorrectionItems";
import { OutcomeChoice } from "./OutcomeChoice";
import { RiskChecklist } from "./RiskChecklist";
import { needsRiskConfirmation, unconfirmedRisks } from "@/runtime/definition/riskChecklist";
import { applicantForms } from "@/runtime/definition/requirements";
import { isConflict, type OnDone, type Task } from "./staffCase";

const kindHints: Record<string, string> = {
  approve: "通过后进入下一环节",
  complete: "办结后将通知申请人",
  correction: "一次性告知申请人需补正的全部内容，补正期间暂停计时",
  reject: "须填写理由，将出具决定书并通知申请人",
  terminate: "须填写理由，将出具终止办理告知书",
  submit: "",
};

function commentLabel(kind: string): string {
  if (kind === "reject") return "不予受理/不予通过的理由";
  if (kind === "terminate") return "终止办理的理由";
  if (kind === "correction") return "补正说明";
  return "办理意见";
}

export function ActionForm({ data, task, rowVersion, onDone, onError }: { data: StaffCase; task: Task; rowVersion: number; onDone: OnDone; onError: (e: unknown) => void }) {
  const trpc = useTRPC();
  const uid = useId();
  const [actionId, setActionId] = useState(task.actions.length === 1 ? task.actions[0].id : "");
  const [comment, setComment] = useState("");
  const [items, setItems] = useState<string[]>([""]);
  const [correctionForms, setCorrectionForms] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [outcomeId, setOutcomeId] = useState("");
  const [amount, setAmount] = useState("");
  const [confirmedRisks, setConfirmedRisks] = useState<string[]>([]);
  const action = task.actions.find((x) => x.id === actionId);
  // A decision step: its passing action records one of the step's outcomes.
  const decides = !!action && task.outcomes.length > 0 && (action.kind === "approve" || action.kind === "complete");
  const outcome = decides ? task.outcomes.find((o) => o.id === outcomeId) : undefined;
  const needsComment =
    !!action && ((action.requiresComment || action.kind === "reject" || action.kind === "terminate") && action.kind !== "correction" || !!outcome?.reasonRequired);
  const act = useMutation(
    trpc.workbench.act.mutationOptions({
      onSuccess: () => onDone(`已办理：${action?.label ?? ""}`),
      onError,
    }),
  );

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    if (!action) return setProblem("请选择办理操作");
    const text = comment.trim();
    const list = items.map((i) => i.trim()).filter(Boolean);
    if (decides && !outcome) return setProblem("请选择决定结果");
    if (needsComment && !text) return setProblem(outcome?.reasonRequired ? `请填写“${outcome.label}”的理由` : `请填写${commentLabel(action.kind)}`);
    if (outcome?.amountLabel && !/^\d+(\.\d{1,2})?$/.test(amount.trim())) return setProblem(`请填写${outcome.amountLabel}（以元为单位，最多两位小数）`);
    if (action.kind === "correction" && list.length === 0) return setProblem("请逐项列明需要申请人补正的内容");
    const risksLeft = needsRiskConfirmation(action.kind) ? unconfirmedRisks(task.riskChecklist, confirmedRisks).length : 0;
    if (risksLeft) return setProblem(`请先逐项确认本环节的风险点（还有 ${risksLeft} 项未确认）`);
    act.mutate({
      applicationId: data.application.id,
      taskId: task.taskId,
      actionId: action.id,
      comment: text || (action.kind === "correction" && action.requiresComment ? defaultCorrectionComment(list.length) : undefined),
      correctionItems: action.kind === "correction" ? list : undefined,
      correctionForms: action.kind === "correction" && correctionForms.length ? correctionForms : undefined,
      ...(outcome ? { outcomeId: outcome.id, ...(outcome.amountLabel ? { amount: amount.trim() } : {}) } : {}),
      confirmedRisks: confirmedRisks.length ? confirmedRisks : undefined,
      rowVersion,
    });
  };

  return (
    <form onSubmit={onSubmit} className="mt-4 space-y-4 border-t pt-4" noValidate>
      <fieldset>
        <legend className="font-medium">办理操作</legend>
        <div className="mt-2 flex flex-wrap gap-2">
          {task.actions.map((x) => (
            <label key={x.id} className={`flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm ${actionId === x.id ? "border-primary bg-accent" : "bg-background hover:bg-muted"}`}>
              <input
                type="radio"
                name={`${uid}-action`}
                value={x.id}
                checked={actionId === x.id}
                onChange={() => {
                  setActionId(x.id);
                  setProblem(null);
                }}
              />
              {x.label}
            </label>
          ))}
        </div>
        {action && kindHints[action.kind] && <p className="mt-1 text-xs text-muted-foreground">{kindHints[action.kind]}</p>}
      </fieldset>
      {decides && (
        <OutcomeChoice
          outcomes={task.outcomes}
          outcomeId={outcomeId}
          amount={amount}
          onOutcome={(id) => {
            setOutcomeId(id);
            setProblem(null);
          }}
          onAmount={setAmount}
        />
      )}
      <RiskChecklist items={task.riskChecklist} confirmed={confirmedRisks} onChange={(keys) => { setConfirmedRisks(keys); setProblem(null); }} required={!action || needsRiskConfirmation(action.kind)} />
      {action?.kind === "correction" && (
        <CorrectionItems
          items={items}
          onChange={setItems}
          materials={data.definition.materials}
          forms={applicantForms(data.definition)}
          formIds={correctionForms}
          onFormsChange={setCorrectionForms}
        />
      )}

      <div>
        <label htmlFor={`${uid}-comment`} className="block text-sm font-medium">
          {outcome?.reasonRequired ? `“${outcome.label}”的理由` : commentLabel(action?.kind ?? "")}
          {needsComment ? <span className="text-destructive">（必填）</span> : <span className="text-muted-foreground">（选填）</span>}
        </label>
        <textarea
          id={`${uid}-comment`}
          value={comment}
          onChange={(e) => {
            setComment(e.target.value);
            setProblem(null);
          }}
          rows={3}
          maxLength={2000}
          aria-required={needsComment || undefined}
          className="mt-1 w-full rounded-md border border-input bg-background px-3 py-2 text-sm"
        />
      </div>

      {problem && <p role="alert" className="text-sm text-destructive">{problem}</p>}
      {act.isError && !isConflict(act.error) && <p role="alert" className="text-sm text-destructive">{errorMessage(act.error)}</p>}
      <button type="submit" disabled={act.isPending} className="rounded-md bg-primary px-5 py-2 font-medium text-primary-foreground hover:opacity-90 disabled:opacity-60">
        {act.isPending ? "正在提交…" : action ? `确认：${action.label}` : "确认办理"}
      </button>
    </form>
  );
}
