"use client";
/**
 * The standardisation view: services with local variants (how many, how many behind), and for a
 * chosen service each office's variant — its base version, whether it is behind, how many items
 * it changes, adds and removes — with its differences from the parent's version it derives from.
 */
import { useState } from "react";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useTRPC, errorMessage } from "@/app/_trpc/client";
import { diffDefinitions } from "@/runtime/definition/diff";
import { variantItemStateLabels } from "@/runtime/definition/labels";
import { itemValueWords } from "@/runtime/definition/variant";
import { DiffView } from "@/designer/versions/DiffView";
import { smallButtonClass } from "@/designer/ui/classes";

const th = "px-3 py-2 text-left font-medium";
const td = "px-3 py-2";
const levelLabels: Record<string, string> = { region: "自治区", league: "盟市", banner: "旗县（市、区）" };

export function VariantOverview() {
  const trpc = useTRPC();
  const overview = useQuery(trpc.variants.overview.queryOptions());
  const [code, setCode] = useState<string | null>(null);
  if (overview.isError) return <p role="alert" className="mt-4 text-destructive">{errorMessage(overview.error)}</p>;
  if (!overview.data) return <p role="status" className="mt-4 text-muted-foreground">正在加载…</p>;
  if (overview.data.length === 0) return <p className="mt-4 text-muted-foreground">您管理的范围内还没有单位定制本地版本。</p>;
  return (
    <div className="mt-4 space-y-6">
      <div className="overflow-x-auto rounded-lg border">
        <table className="w-full text-sm">
          <caption className="sr-only">有本地版本的服务事项</caption>
          <thead className="border-b bg-muted/40">
            <tr>
              <th scope="col" className={th}>编码</th>
              <th scope="col" className={th}>事项名称</th>
              <th scope="col" className={th}>本地版本</th>
              <th scope="col" className={th}>有新版本待更新</th>
              <th scope="col" className={th}><span className="sr-only">操作</span></th>
            </tr>
          </thead>
          <tbody>
            {overview.data.map((s) => (
              <tr key={s.code} className={`border-b last:border-0 ${code === s.code ? "bg-muted/40" : ""}`}>
                <td className={`${td} font-mono text-xs`}>{s.code}</td>
                <td className={td}>{s.title}</td>
                <td className={td}>{s.variants} 个单位</td>
                <td className={td}>{s.behind ? <span className="rounded bg-amber-100 px-1.5 py-0.5 text-amber-950">{s.behind} 个</span> : "无"}</td>
                <td className={td}>
                  <button type="button" className={smallButtonClass} aria-pressed={code === s.code} onClick={() => setCode(code === s.code ? null : s.code)}>
                    各单位情况<span className="sr-only">：{s.title}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {code && <ServiceVariants key={code} code={code} />}
    </div>
  );
}

function ServiceVariants({ code }: { code: string }) {
  const trpc = useTRPC();
  const detail = useQuery(trpc.variants.overviewOf.queryOptions({ code }));
  const [open, setOpen] = useState<string | null>(null);
  if (detail.isError) return <p role="alert" className="text-destructive">{errorMessage(detail.error)}</p>;
  if (!detail.data) return <p role="status" className="text-muted-foreground">正在加载…</p>;
  return (
    <section aria-labelledby="variants-of" className="space-y-3">
      <h2 id="variants-of" className="text-lg font-semibold">
        {detail.data.title}（{code}）的本地版本
      </h2>
      <div className="overflow-x-auto rounded-lg border">
        <table className="w-full text-sm">
          <caption className="sr-only">各单位的本地版本及其与上级的差异</caption>
          <thead className="border-b bg-muted/40">
            <tr>
              <th scope="col" className={th}>单位</th>
              <th scope="col" className={th}>已发布</th>
              <th scope="col" className={th}>基于上级</th>
              <th scope="col" className={th}>状态</th>
              <th scope="col" className={th}>修改</th>
              <th scope="col" className={th}>新增</th>
              <th scope="col" className={th}>删除</th>
              <th scope="col" className={th}><span className="sr-only">操作</span></th>
            </tr>
          </thead>
          <tbody>
            {detail.data.rows.map((r) => (
              <tr key={r.serviceId} className="border-b last:border-0">
                <th scope="row" className={`${td} text-left font-normal`}>
                  {r.ownerName}
                  <span className="block text-xs text-muted-foreground">{levelLabels[r.level] ?? ""} · {r.ownerOrgId}</span>
                </th>
                <td className={td}>{r.publishedNumber ? `第 ${r.publishedNumber} 版` : "未发布"}{r.hasDraft ? "（有草稿）" : ""}</td>
                <td className={td}>{r.baseNumber ? `${r.parentOwnerName}第 ${r.baseNumber} 版` : "—"}</td>
                <td className={td}>
                  {r.behind ? <span className="rounded bg-amber-100 px-1.5 py-0.5 text-amber-950">有新版本（上级第 {r.parentNumber} 版）</span> : "已是最新"}
                </td>
                <td className={td}>{r.size?.changed ?? "—"}</td>
                <td className={td}>{r.size?.added ?? "—"}</td>
                <td className={td}>{r.size?.removed ?? "—"}</td>
                <td className={`${td} whitespace-nowrap`}>
                  {r.publishedNumber !== null && (
                    <button type="button" className={smallButtonClass} aria-expanded={open === r.serviceId} onClick={() => setOpen(open === r.serviceId ? null : r.serviceId)}>
                      查看差异<span className="sr-only">：{r.ownerName}</span>
                    </button>
                  )}
                  {r.canEdit && (
                    <Link href={`/designer/services/${r.serviceId}`} className="ml-2 text-primary underline">
                      编辑<span className="sr-only">{r.ownerName}的本地版本</span>
                    </Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {open && <Differences key={open} serviceId={open} />}
    </section>
  );
}

function Differences({ serviceId }: { serviceId: string }) {
  const trpc = useTRPC();
  const differences = useQuery(trpc.variants.differences.queryOptions({ serviceId }));
  const d = differences.data;
  if (differences.isError) return <p role="alert" className="text-destructive">{errorMessage(differences.error)}</p>;
  if (!d) return <p role="status" className="text-muted-foreground">正在加载…</p>;
  return (
    <section aria-labelledby="differences-title" className="space-y-3 rounded-lg border p-4">
      <h3 id="differences-title" className="font-semibold">
        {d.ownerName}第 {d.publishedNumber} 版与{d.parentOwnerName}第 {d.baseNumber} 版的差异
      </h3>
      {d.items.length === 0 ? (
        <p className="text-muted-foreground">与上级完全相同。</p>
      ) : (
        <ul className="space-y-2">
          {d.items.map((item) => (
            <li key={item.key} className="rounded-md border p-2 text-sm">
              <p>
                <span className="font-medium">{item.label}</span>
                <span className="ml-2 rounded bg-muted px-1.5 py-0.5 text-xs">{variantItemStateLabels[item.state]}</span>
              </p>
              <div className="mt-1 grid gap-2 md:grid-cols-2">
                <div className="min-w-0">
                  <p className="text-xs text-muted-foreground">上级</p>
                  <pre className="whitespace-pre-wrap break-words font-sans">{item.parentValue === undefined ? "（没有此项）" : itemValueWords(item.key, item.parentValue, d.before, d.after)}</pre>
                </div>
                <div className="min-w-0">
                  <p className="text-xs text-muted-foreground">本地</p>
                  <pre className="whitespace-pre-wrap break-words font-sans">{item.localValue === undefined ? "（没有此项）" : itemValueWords(item.key, item.localValue, d.after, d.before)}</pre>
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary className="cursor-pointer text-sm">逐项比较（与版本比较相同的视图）</summary>
        <div className="mt-2">
          <DiffView entries={diffDefinitions(d.before, d.after).entries} />
        </div>
      </details>
    </section>
  );
}
