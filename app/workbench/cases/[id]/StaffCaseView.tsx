"use client";
/** 工作台 · 办件: the step's checkpoints, the forms and materials, the history, and the step's actions. */
import { useId, useState, type FormEvent } from "react";
import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC, errorMessage } from "@/app/_trpc/client";
import type { StaffCase } from "@/app/_components/types";
import { StatusBadge } from "@/app/_components/StatusBadge";
import { Timeline } from "@/app/_components/Timeline";
import { ServiceForm } from "@/app/_components/ServiceForm";
import { ErrorNotice, Loading } from "@/app/_components/Notice";
import { formatChineseDate, formatDateTime, formatFileSize, isClosedStatus, isOverdue, todayInChina } from "@/app/_components/format";
import { applicantForms, requiredUploads } from "@/runtime/definition/requirements";
import { labelOf, taskRoleLabels } from "@/runtime/definition/labels";


interface TrpcLikeError {
  data?: { code?: string } | null;
}

const isConflict = (e: unknown) => (e as TrpcLikeError | null)?.data?.code === "CONFLICT";

export function StaffCaseView({ id }: { id: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery(trpc.workbench.case.queryOptions({ id }));
  const [notice, setNotice] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);

  const refresh = async () => {
    setConflict(null);
    await queryClient.invalidateQueries({ queryKey: trpc.workbench.pathKey() });
  };
  const onError = (e: unknown) => {
    if (isConflict(e)) setConflict(errorMessage(e));
  };

  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorNotice message={errorMessage(query.error)} onReload={() => void query.refetch()} />;
  const data = query.data;
  const a = data.application;
  const closed = isClosedStatus(a.status);
  const today = todayInChina();
  return (
    <div className="space-y-4">
      <nav aria-label="面包屑" className="text-sm text-muted-foreground">
        <Link href="/workbench" className="text-primary hover:underline">工作台</Link>
        <span aria-hidden="true"> / </span>
        <span>办件 {a.caseNumber}</span>
      </nav>

      <header className="rounded-lg border bg-background p-4 sm:p-5">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div>
            <p className="font-mono text-sm text-muted-foreground" data-testid="case-number">{a.caseNumber}</p>
            <h1 className="text-2xl font-semibold">{a.serviceTitle}</h1>
          </div>
          <StatusBadge status={a.status} />
        </div>
        <dl className="mt-3 grid grid-cols-[7em_1fr] gap-x-3 gap-y-1.5 text-sm md:grid-cols-[7em_1fr_7em_1fr_7em_1fr]">
          <dt className="text-muted-foreground">申请人</dt>
          <dd>{a.applicantName}</dd>
          <dt className="text-muted-foreground">办理机构</dt>
          <dd>{a.officeName}</dd>
          <dt className="text-muted-foreground">提交时间</dt>
          <dd>{formatDateTime(a.submittedAt)}</dd>
          <dt className="text-muted-foreground">承诺办结</dt>
          <dd>{a.promisedDate ? formatChineseDate(a.promisedDate) : "—"}</dd>
          <dt className="text-muted-foreground">办结期限</dt>
          <dd data-testid="case-due-date">
            {a.dueDate ? formatChineseDate(a.dueDate) : a.status === "paused" || a.status === "waiting_applicant" ? "暂停计时" : "—"}
            {!closed && isOverdue(a, today) && <span className="ml-2 rounded bg-destructive px-1.5 py-0.5 text-xs text-white">已超期</span>}
          </dd>
          <dt className="text-muted-foreground">事项版本</dt>
          <dd>第 {a.version} 版</dd>
        </dl>
        {closed && a.outcomeReason && <p className="mt-3 text-sm">办理结果说明：{a.outcomeReason}</p>}
        <div className="mt-3 flex flex-wrap gap-2 text-sm">
          <Link href={`/documents/${a.id}/receipt`} className="rounded-md border px-3 py-1.5 hover:bg-muted">受理回执</Link>
          {closed && <Link href={`/documents/${a.id}/decision`} className="rounded-md border px-3 py-1.5 hover:bg-muted">办理结果文书</Link>}
        </div>
      </header>

      {conflict && <ErrorNotice focus message={conflict} details={<p className="mt-1">您看到的不是最新情况。请刷新，确认后再办理。</p>} onReload={() => void refresh()} />}
      {notice && (
        <p role="status" className="rounded-md border border-emerald-700/30 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          {notice} <Link href="/workbench" className="ml-2 underline">返回待办</Link>
        </p>
      )}

      {data.pause && (
        <section className="rounded-lg border border-amber-600/50 bg-amber-50 p-4 text-sm text-amber-950">
          <h2 className="font-semibold">办件已中止</h2>
          <p>中止时间：{formatDateTime(data.pause.since)}；原因：{data.pause.reason}</p>
        </section>
      )}
      {a.status === "waiting_applicant" && data.correction && (
        <section className="rounded-lg border border-amber-600/50 bg-amber-50 p-4 text-sm text-amber-950">
          <h2 className="font-semibold">等待申请人补正（{formatDateTime(data.correction.requestedAt)} 一次性告知）</h2>
          <ol className="mt-1 list-decimal pl-5">{data.correction.items.map((item, i) => <li key={i}>{item}</li>)}</ol>
        </section>
      )}

      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="space-y-4">
          {data.currentTask ? (
            <TaskPanel key={`${data.currentTask.taskId}:${a.rowVersion}`} data={data} onDone={async (message) => { setNotice(message); await refresh(); }} onError={onError} refresh={refresh} />
          ) : (
            !closed && (
              <p className="rounded-lg border bg-background p-4 text-sm text-muted-foreground">当前没有需要工作人员办理的环节。</p>
            )
          )}
          <PauseResume key={`pause:${a.rowVersion}`} data={data} onDone={async (message) => { setNotice(message); await refresh(); }} onError={onError} />
          <Forms data={data} />
          <Materials data={data} />
        </div>
        <aside className="space-y-4">
          <Timeline entries={data.timeline} />
        </aside>
      </div>
    </div>
  );
}

function Checklist({ title, items, tone }: { title: string; items: string[]; tone: string }) {
  return (
    <div>
      <h3 className="font-medium">{title}</h3>
      {items.length ? (
        <ul className={`mt-1 list-disc space-y-0.5 pl-5 text-sm ${tone}`}>{items.map((item, i) => <li key={i}>{item}</li>)}</ul>
      ) : (
        <p className="mt-1 text-sm text-muted-foreground">无</p>
      )}
    </div>
  );
}

type Task = NonNullable<StaffCase["currentTask"]>;

function TaskPanel({ data, onDone, onError, refresh }: { data: StaffCase; onDone: (message: string) => Promise<void>; onError: (e: unknown) => void; refresh: () => Promise<void> }) {
  const trpc = useTRPC();
  const task = data.currentTask as Task;
  const a = data.application;
  const overdue = isOverdue(task, todayInChina());
  const claim = useMutation(trpc.workbench.claim.mutationOptions({ onSuccess: () => refresh(), onError }));
  const release = useMutation(trpc.workbench.release.mutationOptions({ onSuccess: () => refresh(), onError }));
  return (
    <section aria-labelledby="task-title" className="rounded-lg border bg-background p-4 sm:p-5">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="task-title" className="text-lg font-semibold">当前环节：{task.label}</h2>
        <span className="text-sm text-muted-foreground">
          {labelOf(taskRoleLabels, task.role)}办理 · 期限 {task.dueDate ? formatChineseDate(task.dueDate) : "—"}
          {overdue && <span className="ml-2 rounded bg-destructive px-1.5 py-0.5 text-xs text-white">已超期</span>}
        </span>
      </div>

      <div className="mt-3 space-y-3 rounded-md bg-muted/60 p-3">
        <Checklist title="审核要点" items={task.checkpoints.reviewPoints} tone="" />
        <div className="grid gap-3 md:grid-cols-2">
          <Checklist title="风险点" items={task.checkpoints.risks} tone="text-red-900" />
          <Checklist title="前置校验" items={task.checkpoints.preChecks} tone="" />
        </div>
      </div>

      <div className="mt-4 flex flex-wrap items-center gap-3 text-sm">
        {task.claimedByMe ? (
          <>
            <span className="rounded bg-accent px-2 py-1">我已认领</span>
            <button type="button" onClick={() => release.mutate({ taskId: task.taskId })} disabled={release.isPending} className="rounded-md border px-3 py-1.5 hover:bg-muted disabled:opacity-60">
              释放任务
            </button>
          </>
        ) : task.claimedBy ? (
          <span className="rounded bg-muted px-2 py-1">{task.claimedBy} 已认领</span>
        ) : task.canWork ? (
          <button type="button" onClick={() => claim.mutate({ taskId: task.taskId })} disabled={claim.isPending} className="rounded-md bg-primary px-4 py-1.5 font-medium text-primary-foreground hover:opacity-90 disabled:opacity-60">
            认领任务
          </button>
        ) : (
          <span className="text-muted-foreground">该环节由{labelOf(taskRoleLabels, task.role)}办理，您可以查看。</span>
        )}
        {(claim.isError || release.isError) && <span role="alert" className="text-destructive">{errorMessage(claim.error ?? release.error)}</span>}
      </div>

      {task.claimedByMe && task.canWork && <ActionForm data={data} task={task} rowVersion={a.rowVersion} onDone={onDone} onError={onError} />}
      {!task.claimedByMe && task.canWork && !task.claimedBy && <p className="mt-2 text-sm text-muted-foreground">认领后即可办理本环节。</p>}
    </section>
  );
}

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

function ActionForm({ data, task, rowVersion, onDone, onError }: { data: StaffCase; task: Task; rowVersion: number; onDone: (message: string) => Promise<void>; onError: (e: unknown) => void }) {
  const trpc = useTRPC();
  const uid = useId();
  const [actionId, setActionId] = useState(task.actions.length === 1 ? task.actions[0].id : "");
  const [comment, setComment] = useState("");
  const [items, setItems] = useState<string[]>([""]);
  const [problem, setProblem] = useState<string | null>(null);
  const action = task.actions.find((x) => x.id === actionId);
  const needsComment = !!action && (action.requiresComment || action.kind === "reject" || action.kind === "terminate") && action.kind !== "correction";
  const act = useMutation(
    trpc.workbench.act.mutationOptions({
      onSuccess: () => onDone(`已办理：${action?.label ?? ""}`),
      onError,
    }),
  );
  const uploads = data.definition.materials;
  const addItem = (text: string) => setItems((list) => (list.length === 1 && list[0].trim() === "" ? [text] : list.includes(text) ? list : [...list, text]));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    if (!action) return setProblem("请选择办理操作");
    const text = comment.trim();
    const list = items.map((i) => i.trim()).filter(Boolean);
    if (needsComment && !text) return setProblem(`请填写${commentLabel(action.kind)}`);
    if (action.kind === "correction" && list.length === 0) return setProblem("请逐项列明需要申请人补正的内容");
    act.mutate({
      applicationId: data.application.id,
      taskId: task.taskId,
      actionId: action.id,
      comment: text || (action.kind === "correction" && action.requiresComment ? `请一次性补正以下${list.length}项内容` : undefined),
      correctionItems: action.kind === "correction" ? list : undefined,
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

      {action?.kind === "correction" && (
        <fieldset className="rounded-md border p-3">
          <legend className="px-1 font-medium">需补正的内容（一次性告知，逐项列明）</legend>
          <ol className="space-y-2">
            {items.map((item, i) => (
              <li key={i} className="flex items-center gap-2">
                <label htmlFor={`${uid}-item-${i}`} className="w-12 shrink-0 text-sm text-muted-foreground">第{i + 1}项</label>
                <input
                  id={`${uid}-item-${i}`}
                  value={item}
                  onChange={(e) => setItems((list) => list.map((v, j) => (j === i ? e.target.value : v)))}
                  className="min-w-0 flex-1 rounded-md border border-input bg-background px-3 py-1.5 text-sm"
                  maxLength={500}
                />
                <button
                  type="button"
                  onClick={() => setItems((list) => (list.length === 1 ? [""] : list.filter((_, j) => j !== i)))}
                  className="rounded border px-2 py-1 text-xs hover:bg-muted"
                  aria-label={`删除第${i + 1}项`}
                >
                  删除
                </button>
              </li>
            ))}
          </ol>
          <button type="button" onClick={() => setItems((list) => [...list, ""])} className="mt-2 rounded-md border px-3 py-1 text-sm hover:bg-muted">
            添加一项
          </button>
          {uploads.length > 0 && (
            <div className="mt-3">
              <p className="text-xs text-muted-foreground">快速添加材料：</p>
              <div className="mt-1 flex flex-wrap gap-1">
                {uploads.map((m) => (
                  <button key={m.id} type="button" onClick={() => addItem(m.formId ? `请修改完善：${m.name}` : `请补充提交：${m.name}`)} className="rounded border bg-background px-2 py-0.5 text-xs hover:bg-muted">
                    + {m.name}
                  </button>
                ))}
              </div>
            </div>
          )}
        </fieldset>
      )}

      <div>
        <label htmlFor={`${uid}-comment`} className="block text-sm font-medium">
          {commentLabel(action?.kind ?? "")}
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

function PauseResume({ data, onDone, onError }: { data: StaffCase; onDone: (message: string) => Promise<void>; onError: (e: unknown) => void }) {
  const trpc = useTRPC();
  const uid = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const pause = useMutation(trpc.workbench.pause.mutationOptions({ onSuccess: () => onDone("已中止办理，期限暂停计算"), onError }));
  const resume = useMutation(trpc.workbench.resume.mutationOptions({ onSuccess: () => onDone("已恢复办理，期限继续计算"), onError }));
  if (!data.canPause && !data.canResume) return null;
  const pausing = data.canPause;
  const m = pausing ? pause : resume;
  return (
    <section aria-labelledby={`${uid}-title`} className="rounded-lg border bg-background p-4">
      <h2 id={`${uid}-title`} className="font-semibold">{pausing ? "中止办理" : "恢复办理"}</h2>
      <p className="text-sm text-muted-foreground">
        {pausing ? "因法定事由暂时无法继续办理时可中止，中止期间不计入办理期限。" : "中止事由消除后恢复办理，办理期限顺延。"}
      </p>
      {!open ? (
        <button type="button" onClick={() => setOpen(true)} className="mt-2 rounded-md border px-3 py-1.5 text-sm hover:bg-muted">
          {pausing ? "中止" : "恢复"}
        </button>
      ) : (
        <form
          className="mt-2 space-y-2"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setProblem(null);
            if (pausing && !reason.trim()) return setProblem("请填写中止原因");
            if (pausing) pause.mutate({ applicationId: data.application.id, reason: reason.trim(), rowVersion: data.application.rowVersion });
            else resume.mutate({ applicationId: data.application.id, reason: reason.trim() || undefined, rowVersion: data.application.rowVersion });
          }}
        >
          <label htmlFor={`${uid}-reason`} className="block text-sm font-medium">
            {pausing ? "中止原因（必填）" : "恢复说明（选填）"}
          </label>
          <textarea id={`${uid}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} rows={2} maxLength={1000} className="w-full rounded-md border border-input bg-background px-3 py-2 text-sm" />
          {problem && <p role="alert" className="text-sm text-destructive">{problem}</p>}
          {m.isError && !isConflict(m.error) && <p role="alert" className="text-sm text-destructive">{errorMessage(m.error)}</p>}
          <div className="flex gap-2">
            <button type="submit" disabled={m.isPending} className="rounded-md bg-primary px-3 py-1.5 text-sm text-primary-foreground disabled:opacity-60">
              确认{pausing ? "中止" : "恢复"}
            </button>
            <button type="button" onClick={() => setOpen(false)} className="rounded-md border px-3 py-1.5 text-sm hover:bg-muted">取消</button>
          </div>
        </form>
      )}
    </section>
  );
}

function Forms({ data }: { data: StaffCase }) {
  const forms = applicantForms(data.definition);
  const extra = data.definition.forms.filter((f) => !forms.includes(f) && data.application.formData[f.id]);
  const shown = [...forms, ...extra];
  if (shown.length === 0) return null;
  return (
    <section aria-labelledby="forms-title" className="rounded-lg border bg-background p-4 sm:p-5">
      <h2 id="forms-title" className="text-lg font-semibold">申请表单</h2>
      <div className="mt-3 space-y-3">
        {shown.map((f, i) => (
          <details key={f.id} open={i === 0} className="rounded-md border p-3">
            <summary className="cursor-pointer font-medium">{f.title}</summary>
            <div className="mt-3">
              <ServiceForm formId={`view-${f.id}`} schema={f.schema} uiSchema={f.uiSchema} formData={data.application.formData[f.id] ?? {}} readonly>
                <></>
              </ServiceForm>
            </div>
          </details>
        ))}
      </div>
    </section>
  );
}

function Materials({ data }: { data: StaffCase }) {
  const required = new Set(requiredUploads(data.definition).map((m) => m.id));
  const materials = data.definition.materials.filter((m) => !m.formId);
  return (
    <section aria-labelledby="materials-title" className="rounded-lg border bg-background p-4 sm:p-5">
      <h2 id="materials-title" className="text-lg font-semibold">申请材料</h2>
      {materials.length === 0 ? (
        <p className="mt-2 text-sm text-muted-foreground">本事项无需上传材料。</p>
      ) : (
        <ul className="mt-3 space-y-2 text-sm">
          {materials.map((m) => {
            const files = data.attachments.filter((f) => f.materialId === m.id);
            return (
              <li key={m.id} className="rounded-md border p-2">
                <p className="font-medium">
                  {m.name}
                  {required.has(m.id) && <span className="ml-2 rounded bg-red-50 px-1.5 py-0.5 text-xs font-normal text-red-900">必要</span>}
                </p>
                {/* the same document may be listed once per scenario (特殊工种 / 病退 …): say which */}
                {(m.scenario || m.obtainableBySharing) && (
                  <p className="text-xs text-muted-foreground" data-testid="material-note">
                    {[m.scenario && `适用于：${m.scenario}`, m.obtainableBySharing && "可通过数据共享获取"].filter(Boolean).join("；")}
                  </p>
                )}
                {files.length === 0 ? (
                  <p className={required.has(m.id) ? "text-destructive" : "text-muted-foreground"}>未上传</p>
                ) : (
                  <ul className="mt-1 space-y-0.5">
                    {files.map((f) => (
                      <li key={f.id}>
                        <a href={`/api/files/${f.id}`} className="break-all text-primary underline" target="_blank" rel="noreferrer">
                          {f.fileName}
                        </a>
                        <span className="text-muted-foreground">（{formatFileSize(f.size)}，{formatDateTime(f.createdAt)}）</span>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
