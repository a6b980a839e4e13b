"use client";
/**
 * 有新版本: shown under the heading of the editor of a local variant whose parent has published a newer
 * version. Opens the three-way comparison: what follows the parent by itself, what is no longer
 * a difference, and each conflict with the parent's value before and after and the local one,
 * decided one by one (保留本地 / 采用上级 / 编辑). The result is checked here as the server
 * checks it; applying writes the variant's draft on the new base, to be published as usual.
 */
import { useEffect, useMemo, useState } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTRPC, errorMessage } from "@/app/_trpc/client";
import { rebaseConflictLabels } from "@/runtime/definition/labels";
import { itemValueWords, type RebaseConflict, type Resolution } from "@/runtime/definition/variant";
import type { ServiceDefinition } from "@/runtime/definition/schema";
import { rebasedDefinition } from "@/runtime/definition/variant/rebasedDefinition";
import { buttonClass, inputClass, primaryButtonClass } from "@/designer/ui/classes";

const DONE_KEY = (serviceId: string) => `variantRebased:${serviceId}`;

export function RebaseBanner({ serviceId }: { serviceId: string }) {
  const trpc = useTRPC();
  const status = useQuery({ ...trpc.variants.status.queryOptions({ serviceId }), refetchOnWindowFocus: false });
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    const message = sessionStorage.getItem(DONE_KEY(serviceId));
    if (message) {
      sessionStorage.removeItem(DONE_KEY(serviceId));
      setDone(message);
    }
  }, [serviceId]);

  if (done) {
    return (
      <div role="status" className="mb-4 rounded-lg border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900">
        {done}
        <button type="button" className={`${buttonClass} ml-3`} onClick={() => setDone(null)}>
          关闭<span className="sr-only">更新提示</span>
        </button>
      </div>
    );
  }
  const s = status.data;
  if (!s || !s.behind) return null;
  return (
    <section aria-labelledby="rebase-title" className="mb-4 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 id="rebase-title" className="text-base font-semibold">
            有新版本
          </h2>
          <p>
            {s.parentOwnerName}已发布第 {s.latest.number} 版，{s.ownerOrgName}的本地版本基于第 {s.base.number} 版
            {s.from === "draft" ? "（含尚未发布的草稿修改）" : ""}。更新前，本地版本和已提交的办件继续按原版本办理。
          </p>
        </div>
        <button type="button" className={buttonClass} aria-expanded={open} aria-controls="rebase-panel" onClick={() => setOpen((o) => !o)}>
          {open ? "收起比较" : "比较并更新"}
        </button>
      </div>
      {open && <RebasePanel serviceId={serviceId} onDone={(message) => {
        sessionStorage.setItem(DONE_KEY(serviceId), message);
        window.location.reload();
      }} />}
    </section>
  );
}

type Choice = Resolution["choice"];

interface Decision {
  choice: Choice;
  /** The edited value's text (a string item: the text itself; otherwise JSON). */
  text: string;
}

function initialText(conflict: RebaseConflict): string {
  const start = conflict.mine ?? conflict.parentAfter ?? conflict.parentBefore;
  return typeof start === "string" ? start : JSON.stringify(start ?? null, null, 2);
}

/** The resolution of a decision, or why its edited text is not a value. */
function resolutionOf(conflict: RebaseConflict, decision: Decision): Resolution | string {
  if (decision.choice !== "edit") return { choice: decision.choice };
  const sample = conflict.mine ?? conflict.parentAfter ?? conflict.parentBefore;
  if (typeof sample === "string") return { choice: "edit", value: decision.text };
  try {
    return { choice: "edit", value: JSON.parse(decision.text) };
  } catch {
    return `「${conflict.label}」编辑的内容不是有效的 JSON`;
  }
}

function RebasePanel({ serviceId, onDone }: { serviceId: string; onDone: (message: string) => void }) {
  const trpc = useTRPC();
  const preview = useQuery({ ...trpc.variants.rebasePreview.queryOptions({ serviceId }), refetchOnWindowFocus: false });
  const apply = useMutation(trpc.variants.rebase.mutationOptions());
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  const [error, setError] = useState<string | null>(null);
  const p = preview.data;

  const outcome = useMemo(() => {
    if (!p) return null;
    const resolutions: Record<string, Resolution> = {};
    const problems: string[] = [];
    for (const conflict of p.result.conflicts) {
      const decision = decisions[conflict.key];
      if (!decision) continue;
      const r = resolutionOf(conflict, decision);
      if (typeof r === "string") problems.push(r);
      else resolutions[conflict.key] = r;
    }
    if (problems.length) return { resolutions, problems };
    const checked = rebasedDefinition(p.parentAfter, p.result, resolutions);
    return { resolutions, problems: checked.ok ? [] : checked.problems };
  }, [p, decisions]);

  if (preview.isError) return <p role="alert" className="mt-3 text-destructive">{errorMessage(preview.error)}</p>;
  if (!p || !outcome) return <p role="status" className="mt-3">正在比较…</p>;

  const submit = async () => {
    setError(null);
    try {
      const result = await apply.mutateAsync({ serviceId, parentVersionId: p.latest.id, draftId: p.draft?.id ?? null, revision: p.draft?.revision ?? null, resolutions: outcome.resolutions });
      onDone(`已把本地版本更新到上级的第 ${result.baseNumber} 版（草稿修订 ${result.revision}）。请检查后发布；发布前仍按原版本办理。`);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const setDecision = (key: string, decision: Decision) => setDecisions((d) => ({ ...d, [key]: decision }));

  return (
    <div id="rebase-panel" className="mt-3 space-y-4 rounded-md border bg-background p-3 text-foreground">
      <p className="text-muted-foreground">
        比较：上级第 {p.base.number} 版（原来） → 上级第 {p.latest.number} 版（现在），以及{p.ownerOrgName}的本地修改。
      </p>
      <div className="grid gap-3 md:grid-cols-2">
        <ItemList title="自动采用上级的修改" empty="上级没有修改本地未改动的内容。" items={p.result.followed} />
        <ItemList title="上级现在与本地相同，不再作为本地修改" empty="无。" items={p.result.dropped} />
        {p.result.renamed.length > 0 && (
          <ItemList
            title="上级新增了编号相同的另一项：两项都保留，本地这一项改用新编号"
            empty="无。"
            items={p.result.renamed.map((r) => ({ key: r.from, label: `${r.label}（编号改为 ${r.to.slice(r.to.lastIndexOf("/") + 1)}）` }))}
          />
        )}
      </div>
      <section aria-labelledby="rebase-conflicts">
        <h3 id="rebase-conflicts" className="font-semibold">
          {p.result.conflicts.length ? `需要处理的冲突（${p.result.conflicts.length}）` : "没有冲突"}
        </h3>
        <ol className="mt-2 space-y-3">
          {p.result.conflicts.map((conflict) => (
            <ConflictItem key={conflict.key} conflict={conflict} names={p.parentAfter} decision={decisions[conflict.key]} onChange={(d) => setDecision(conflict.key, d)} disabled={!p.canEdit} />
          ))}
        </ol>
      </section>
      {outcome.problems.length > 0 && (
        <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-2 text-amber-950">
          <p className="font-medium">暂不能应用：</p>
          <ul className="list-disc pl-5">
            {outcome.problems.map((problem) => <li key={problem}>{problem}</li>)}
          </ul>
        </div>
      )}
      {error && <p role="alert" className="text-destructive">{error}</p>}
      {p.canEdit ? (
        <button type="button" className={primaryButtonClass} disabled={outcome.problems.length > 0 || apply.isPending} onClick={submit}>
          {apply.isPending ? "正在应用…" : "应用更新（写入草稿）"}
        </button>
      ) : (
        <p className="text-muted-foreground">您可以查看这个比较；只有{p.ownerOrgName}的管理员可以更新它。</p>
      )}
    </div>
  );
}

function ItemList({ title, empty, items }: { title: string; empty: string; items: { key: string; label: string }[] }) {
  return (
    <section className="rounded-md border p-2">
      <h3 className="font-semibold">{title}</h3>
      {items.length ? (
        <ul className="mt-1 list-disc pl-5">
          {items.map((item) => <li key={item.key}>{item.label}</li>)}
        </ul>
      ) : (
        <p className="mt-1 text-muted-foreground">{empty}</p>
      )}
    </section>
  );
}

const choiceLabels: Record<Choice, string> = { mine: "保留本地", parent: "采用上级", edit: "编辑" };

/** `names`: the parent's new definition, which names the steps and actions the values refer to. */
function ConflictItem({ conflict, names, decision, onChange, disabled }: { conflict: RebaseConflict; names: ServiceDefinition; decision?: Decision; onChange: (d: Decision) => void; disabled: boolean }) {
  const name = `conflict-${conflict.key}`;
  const isText = typeof (conflict.mine ?? conflict.parentAfter ?? conflict.parentBefore) === "string";
  return (
    <li className="rounded-md border p-3">
      <p className="font-medium">{conflict.label}</p>
      <p className="text-xs text-muted-foreground">{rebaseConflictLabels[conflict.kind]}</p>
      <div className="mt-2 grid gap-2 md:grid-cols-3">
        <Side title="上级原来" itemKey={conflict.key} value={conflict.parentBefore} names={names} />
        <Side title="上级现在" itemKey={conflict.key} value={conflict.parentAfter} names={names} />
        <Side title="本地" itemKey={conflict.key} value={conflict.mine} names={names} />
      </div>
      <fieldset className="mt-2" disabled={disabled}>
        <legend className="sr-only">如何处理「{conflict.label}」</legend>
        <div className="flex flex-wrap gap-4">
          {(["mine", "parent", "edit"] as const).map((choice) => (
            <label key={choice} className="flex items-center gap-1">
              <input
                type="radio"
                name={name}
                value={choice}
                checked={decision?.choice === choice}
                onChange={() => onChange({ choice, text: decision?.text ?? initialText(conflict) })}
              />
              {choiceLabels[choice]}
            </label>
          ))}
        </div>
        {decision?.choice === "edit" &&
          (isText ? (
            <label className="mt-2 flex flex-col gap-1">
              <span>「{conflict.label}」的新内容</span>
              <input className={inputClass} value={decision.text} onChange={(e) => onChange({ choice: "edit", text: e.target.value })} />
            </label>
          ) : (
            <label className="mt-2 flex flex-col gap-1">
              <span>「{conflict.label}」的新内容（JSON）</span>
              <textarea className={`${inputClass} font-mono`} rows={8} value={decision.text} onChange={(e) => onChange({ choice: "edit", text: e.target.value })} />
            </label>
          ))}
      </fieldset>
    </li>
  );
}

function Side({ title, itemKey, value, names }: { title: string; itemKey: string; value: unknown; names: ServiceDefinition }) {
  return (
    <div className="min-w-0 rounded bg-muted/40 p-2">
      <p className="text-xs font-medium text-muted-foreground">{title}</p>
      <pre className="mt-1 whitespace-pre-wrap break-words font-sans text-sm">{value === undefined ? "（没有此项）" : itemValueWords(itemKey, value, names)}</pre>
    </div>
  );
}
