"use client";
/** 版本: every version of the service, a comparison of any two (in words and on the canvas), and restore. */
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC, errorMessage } from "@/app/_trpc/client";
import type { VersionRow } from "@/app/_components/types";
import { DiffView } from "@/designer/versions/DiffView";
import { FlowDiffCanvas } from "@/designer/versions/FlowDiffCanvas";
import { buttonClass, primaryButtonClass, smallButtonClass } from "@/designer/ui/classes";
import type { DraftEditor } from "./useDraftEditor";

const versionName = (v: Pick<VersionRow, "number" | "status">) => (v.status === "draft" ? "草稿" : `第 ${v.number} 版`);
const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" }) : "—");

function defaultPair(versions: VersionRow[]): [string | null, string | null] {
  const published = versions.filter((v) => v.status === "published");
  const draft = versions.find((v) => v.status === "draft");
  if (draft) return [published[0]?.id ?? null, draft.id];
  return [published[1]?.id ?? null, published[0]?.id ?? null];
}

export function VersionsTab({ serviceId, editor }: { serviceId: string; editor: DraftEditor }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const versions = useQuery(trpc.designer.versions.queryOptions({ serviceId }));
  const [pair, setPair] = useState<[string | null, string | null] | null>(null);
  const [restoring, setRestoring] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const restore = useMutation(trpc.designer.restore.mutationOptions());
  const [beforeId, afterId] = pair ?? (versions.data ? defaultPair(versions.data) : [null, null]);
  const comparison = useQuery({
    ...trpc.designer.compare.queryOptions({ serviceId, beforeId: beforeId ?? "", afterId: afterId ?? "" }),
    enabled: !!beforeId && !!afterId && beforeId !== afterId,
  });

  if (versions.isError) return <p role="alert" className="text-destructive">{errorMessage(versions.error)}</p>;
  if (!versions.data) return <p className="text-muted-foreground">正在加载版本…</p>;

  const doRestore = async (version: VersionRow) => {
    setMessage(null);
    const saved = await editor.saveNow();
    const ref = saved ?? editor.draft;
    try {
      await restore.mutateAsync({ serviceId, versionId: version.id, draftId: ref.draftId, revision: ref.revision });
      await editor.reload();
      setRestoring(null);
      setPair(null);
      await queryClient.invalidateQueries({ queryKey: trpc.designer.versions.queryKey({ serviceId }) });
      setMessage({ text: `已将${versionName(version)}恢复为草稿，可继续修改后发布。`, error: false });
    } catch (error) {
      setMessage({ text: errorMessage(error), error: true });
    }
  };

  return (
    <div className="space-y-4">
      <table className="w-full border-collapse rounded-lg bg-background text-sm">
        <caption className="sr-only">版本列表</caption>
        <thead>
          <tr className="border-b text-left">
            <th scope="col" className="px-3 py-2">版本</th>
            <th scope="col" className="px-3 py-2">时间</th>
            <th scope="col" className="px-3 py-2">操作人</th>
            <th scope="col" className="px-3 py-2">办件数</th>
            <th scope="col" className="px-3 py-2">比较基准</th>
            <th scope="col" className="px-3 py-2">比较对象</th>
            <th scope="col" className="px-3 py-2">操作</th>
          </tr>
        </thead>
        <tbody>
          {versions.data.map((v) => (
            <tr key={v.id} className="border-b last:border-0">
              <th scope="row" className="px-3 py-2 text-left font-medium">
                {versionName(v)}
                {v.status === "draft" && <span className="ml-1 text-xs font-normal text-muted-foreground">修订 {v.revision}</span>}
              </th>
              <td className="px-3 py-2">{v.status === "draft" ? `保存于 ${when(v.updatedAt)}` : `发布于 ${when(v.publishedAt)}`}</td>
              <td className="px-3 py-2">{(v.status === "draft" ? v.updatedBy : v.publishedBy) ?? "—"}</td>
              <td className="px-3 py-2">{v.cases}</td>
              <td className="px-3 py-2">
                <input type="radio" name="compare-before" aria-label={`以${versionName(v)}为比较基准`} checked={beforeId === v.id} onChange={() => setPair([v.id, afterId])} />
              </td>
              <td className="px-3 py-2">
                <input type="radio" name="compare-after" aria-label={`与${versionName(v)}比较`} checked={afterId === v.id} onChange={() => setPair([beforeId, v.id])} />
              </td>
              <td className="px-3 py-2">
                {v.status === "published" &&
                  (restoring === v.id ? (
                    <span className="flex flex-wrap items-center gap-1">
                      <span>用它覆盖当前草稿？</span>
                      <button type="button" className={primaryButtonClass} onClick={() => void doRestore(v)} disabled={restore.isPending}>确认恢复</button>
                      <button type="button" className={buttonClass} onClick={() => setRestoring(null)}>取消</button>
                    </span>
                  ) : (
                    <button type="button" className={smallButtonClass} onClick={() => setRestoring(v.id)}>
                      恢复为草稿<span className="sr-only">：{versionName(v)}</span>
                    </button>
                  ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {message && <p role={message.error ? "alert" : "status"} className={`text-sm ${message.error ? "text-destructive" : "text-emerald-800"}`}>{message.text}</p>}
      {beforeId && afterId && beforeId !== afterId ? (
        comparison.isError ? (
          <p role="alert" className="text-destructive">{errorMessage(comparison.error)}</p>
        ) : !comparison.data ? (
          <p className="text-muted-foreground">正在比较…</p>
        ) : (
          <section aria-label="版本差异" className="space-y-4">
            <h2 className="font-semibold">
              {versionName(comparison.data.before)} → {versionName(comparison.data.after)}
              <span className="ml-2 text-sm font-normal text-muted-foreground">共 {comparison.data.diff.entries.length} 处变化
                {(comparison.data.before.status === "draft" || comparison.data.after.status === "draft") && "（草稿为最近一次自动保存的内容）"}
              </span>
            </h2>
            <div className="grid gap-4 xl:grid-cols-2">
              <DiffView entries={comparison.data.diff.entries} headingLevel={3} />
              <FlowDiffCanvas before={comparison.data.before.definition.flow} after={comparison.data.after.definition.flow} diff={comparison.data.diff} />
            </div>
          </section>
        )
      ) : (
        <p className="text-sm text-muted-foreground">选择两个不同的版本进行比较。</p>
      )}
    </div>
  );
}
