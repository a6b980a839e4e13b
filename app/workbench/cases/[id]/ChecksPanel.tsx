"use client";
/**
 * 校验与共享 at the current step: the pre-checks and shared data the connectors answered (run
 * when the step is opened), a check by hand where a system is unavailable, an override with a
 * reason for a failed mandatory check; and every result of the case, for the reviewer.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTRPC, errorMessage } from "@/app/_trpc/client";
import type { StaffCase } from "@/app/_components/types";
import { formatDateTime } from "@/app/_components/format";
import { connectorById } from "@/runtime/definition/connectors";

type Checks = StaffCase["checks"];
type Item = Checks["items"][number];
type Result = Checks["results"][number];

const statusWords: Record<string, { text: string; tone: string }> = {
  passed: { text: "通过", tone: "bg-emerald-50 text-emerald-900" },
  failed: { text: "未通过", tone: "bg-red-50 text-red-900" },
  unavailable: { text: "系统不可用", tone: "bg-amber-50 text-amber-950" },
  overridden: { text: "已越过", tone: "bg-violet-50 text-violet-900" },
  fetched: { text: "已获取", tone: "bg-emerald-50 text-emerald-900" },
  notFound: { text: "未查到", tone: "bg-muted text-foreground" },
  reused: { text: "已复用以往办件材料", tone: "bg-emerald-50 text-emerald-900" },
  uploaded: { text: "申请人已上传", tone: "bg-muted text-foreground" },
  noConsent: { text: "申请人未同意复用", tone: "bg-muted text-foreground" },
};

const kindWords: Record<string, string> = { preCheck: "前置校验", sharing: "共享数据", material: "共享材料" };

function Status({ status }: { status: string }) {
  const word = statusWords[status] ?? { text: status, tone: "bg-muted" };
  return <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${word.tone}`}>{word.text}</span>;
}

/** Where a result came from, in words: the system that answered, or who checked or overrode it. */
export function resultSource(r: Result): string {
  if (r.source === "manual") return `人工核验（${r.actorName ?? "经办人员"}，${formatDateTime(r.at)}）${typeof r.answer.note === "string" ? `：${r.answer.note}` : ""}`;
  if (r.source === "override") return `${r.actorName ?? "经办人员"}于${formatDateTime(r.at)}越过，理由：${r.reason ?? ""}`;
  const detail = typeof r.answer.detail === "string" ? `：${r.answer.detail}` : r.reason ? `：${r.reason}` : "";
  return `${r.system}答复（${formatDateTime(r.at)}）${detail}`;
}

function RecordFields({ result }: { result: Result }) {
  const record = (result.answer.record ?? null) as Record<string, string | null> | null;
  const spec = connectorById.get(result.connector);
  if (result.status === "reused") {
    const names = Array.isArray(result.answer.fileNames) ? result.answer.fileNames.map(String) : [];
    return <p className="text-xs">来自申请人以往办件 {String(result.answer.fromCase ?? "")}（申请人已同意复用）：{names.join("、")}</p>;
  }
  if (!record) return null;
  return (
    <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-xs">
      {Object.entries(record)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-muted-foreground">{spec?.fields.find((f) => f.key === k)?.label ?? k}</dt>
            <dd data-testid={`shared-${k}`}>{v}</dd>
          </div>
        ))}
    </dl>
  );
}

function ItemForms({ data, item, onChanged }: { data: StaffCase; item: Item; onChanged: () => Promise<void> }) {
  const trpc = useTRPC();
  const uid = useId();
  const [open, setOpen] = useState<"manual" | "override" | null>(null);
  const [text, setText] = useState("");
  const [passed, setPassed] = useState(true);
  const [problem, setProblem] = useState<string | null>(null);
  const manual = useMutation(trpc.checks.manual.mutationOptions({ onSuccess: () => onChanged() }));
  const override = useMutation(trpc.checks.override.mutationOptions({ onSuccess: () => onChanged() }));
  const r = item.result;
  const canManual = !r || (r.source === "system" && ["unavailable", "notFound", "noConsent"].includes(r.status));
  const canOverride = item.kind === "preCheck" && r?.status === "failed";
  if (!canManual && !canOverride) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return setProblem(open === "override" ? "请填写越过校验的理由" : "请填写人工核验情况");
    if (open === "override") override.mutate({ applicationId: data.application.id, item: item.item, reason: text.trim() });
    else manual.mutate({ applicationId: data.application.id, kind: item.kind, item: item.item, passed, note: text.trim() });
  };
  const error = manual.error ?? override.error;
  return (
    <div className="mt-1 print:hidden">
      {open === null ? (
        <div className="flex gap-2">
          {canManual && (
            <button type="button" className="rounded border px-2 py-0.5 text-xs hover:bg-muted" onClick={() => setOpen("manual")}>
              人工核验
            </button>
          )}
          {canOverride && (
            <button type="button" className="rounded border border-red-700/40 px-2 py-0.5 text-xs text-red-900 hover:bg-red-50" onClick={() => setOpen("override")}>
              填写理由并越过
            </button>
          )}
        </div>
      ) : (
        <form onSubmit={submit} className="mt-1 space-y-1 rounded border bg-background p-2" noValidate>
          {open === "manual" && (
            <fieldset className="flex gap-3 text-xs">
              <legend className="sr-only">核验结果</legend>
              <label className="flex items-center gap-1">
                <input type="radio" name={`${uid}-passed`} checked={passed} onChange={() => setPassed(true)} /> {item.kind === "preCheck" ? "核验通过" : "已线下核实"}
              </label>
              <label className="flex items-center gap-1">
                <input type="radio" name={`${uid}-passed`} checked={!passed} onChange={() => setPassed(false)} /> {item.kind === "preCheck" ? "核验未通过" : "未能核实"}
              </label>
            </fieldset>
          )}
          <label htmlFor={`${uid}-text`} className="block text-xs font-medium">
            {open === "override" ? "越过理由（将记入审计日志并显示给复核人员）" : "核验情况（查验的材料或途径）"}
          </label>
          <textarea id={`${uid}-text`} rows={2} maxLength={1000} value={text} onChange={(e) => { setText(e.target.value); setProblem(null); }} className="w-full rounded border border-input px-2 py-1 text-sm" />
          {(problem || error) && <p role="alert" className="text-xs text-destructive">{problem ?? errorMessage(error)}</p>}
          <div className="flex gap-2">
            <button type="submit" disabled={manual.isPending || override.isPending} className="rounded bg-primary px-3 py-1 text-xs text-primary-foreground disabled:opacity-60">
              {open === "override" ? "确认越过" : "记录人工核验"}
            </button>
            <button type="button" className="rounded border px-3 py-1 text-xs" onClick={() => { setOpen(null); setText(""); setProblem(null); }}>
              取消
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

export function ChecksPanel({ data, refresh }: { data: StaffCase; refresh: () => Promise<void> }) {
  const trpc = useTRPC();
  const checks = data.checks;
  const task = data.currentTask;
  const canWork = !!task?.canWork && !data.readOnly;
  const run = useMutation(trpc.checks.run.mutationOptions({ onSuccess: () => refresh() }));
  const started = useRef(false);
  const pending = checks.items.some((i) => !i.result);
  // The step's checks run when it is opened (once; the server asks only what has no result yet).
  useEffect(() => {
    if (canWork && pending && !started.current) {
      started.current = true;
      run.mutate({ applicationId: data.application.id });
    }
  }, [canWork, pending, run, data.application.id]);
  const earlier = checks.results.filter((r) => !checks.items.some((i) => i.kind === r.kind && i.item === r.item));
  if (checks.items.length === 0 && earlier.length === 0) return null;
  return (
    <section aria-labelledby="checks-title" className="rounded-lg border bg-background p-4 sm:p-5" data-testid="checks-panel">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="checks-title" className="text-lg font-semibold">校验与共享</h2>
        <div className="flex gap-2 print:hidden">
          {canWork && checks.items.length > 0 && (
            <button type="button" disabled={run.isPending} onClick={() => run.mutate({ applicationId: data.application.id, retry: true })} className="rounded-md border px-3 py-1 text-sm hover:bg-muted disabled:opacity-60">
              {run.isPending ? "正在调用接口…" : "重新调用不可用的接口"}
            </button>
          )}
          {/* The printed case page is the case's record: these results and the timeline beside them. */}
          <button type="button" onClick={() => window.print()} className="rounded-md border px-3 py-1 text-sm hover:bg-muted">
            打印办件记录
          </button>
        </div>
      </div>
      {run.isError && <p role="alert" className="mt-1 text-sm text-destructive">{errorMessage(run.error)}</p>}
      {checks.blocking.length > 0 && (
        <p role="status" data-testid="checks-blocking" className="mt-2 rounded-md border border-red-700/30 bg-red-50 px-3 py-2 text-sm text-red-900">
          强制前置校验未通过或未完成，本环节暂不能{task?.actions.some((a) => a.kind === "approve") ? "通过" : "办结"}：{checks.blocking.join("；")}
        </p>
      )}
      {checks.items.length > 0 && (
        <ul className="mt-3 space-y-2 text-sm">
          {checks.items.map((item) => (
            <li key={`${item.kind}:${item.item}`} className="rounded-md border p-2" data-testid="check-item">
              <p>
                <span className="mr-1 text-xs text-muted-foreground">{kindWords[item.kind]}</span>
                <span className="font-medium">{item.label}</span>
                {item.mandatory && <span className="ml-1 text-xs text-red-900">（强制）</span>}
                <span className="ml-2">{item.result ? <Status status={item.result.status} /> : <span className="text-xs text-muted-foreground">{run.isPending ? "正在调用…" : "待校验"}</span>}</span>
              </p>
              <p className="text-xs text-muted-foreground">
                {item.result ? resultSource(item.result) : `${item.system}${item.configured ? "" : "（接口未配置，需人工核验）"}`}
              </p>
              {item.result && <RecordFields result={item.result} />}
              {canWork && <ItemForms data={data} item={item} onChanged={refresh} />}
            </li>
          ))}
        </ul>
      )}
      {earlier.length > 0 && (
        <details className="mt-3 text-sm print:block" open={earlier.some((r) => r.source === "override")}>
          <summary className="cursor-pointer font-medium">以前环节的校验与共享结果（{earlier.length}）</summary>
          <ul className="mt-2 space-y-1">
            {earlier.map((r) => (
              <li key={`${r.kind}:${r.item}`}>
                <span className="text-xs text-muted-foreground">{kindWords[r.kind]} </span>
                {r.label} <Status status={r.status} />
                <span className="block text-xs text-muted-foreground">{resultSource(r)}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
