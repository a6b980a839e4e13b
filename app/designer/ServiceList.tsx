"use client";
/** The designer's service list: group, status, version and last editor, with search and filters. */
import { useState } from "react";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useTRPC, errorMessage } from "../_trpc/client";
import { EmptyState } from "../_components/EmptyState";
import { CreateService } from "./CreateService";
import { CustomiseServices } from "./CustomiseServices";

type Status = "draft" | "published" | "unpublished" | "";

const statusOptions: { value: Status; label: string }[] = [
  { value: "", label: "全部状态" },
  { value: "draft", label: "有草稿" },
  { value: "published", label: "已发布" },
  { value: "unpublished", label: "未发布" },
];

const when = (iso: string) => new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });

export function ServiceList() {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState<Status>("");
  const [group, setGroup] = useState("");
  const [part, category] = group ? (JSON.parse(group) as [string, string | undefined]) : [undefined, undefined];
  const groups = useQuery(trpc.designer.groups.queryOptions());
  const list = useQuery(trpc.designer.list.queryOptions({ search: search || undefined, status: status || undefined, part, category }));
  const behind = new Set(useQuery(trpc.variants.behind.queryOptions()).data ?? []);
  const filtered = !!(search || status || group);
  return (
    <div className="mt-4 space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex min-w-64 flex-1 flex-col gap-1 text-sm">
          <span>搜索事项</span>
          <input
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="名称、编码或分类"
            className="rounded-md border border-input bg-background px-3 py-1.5"
          />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span>分组</span>
          <select value={group} onChange={(e) => setGroup(e.target.value)} className="max-w-96 rounded-md border border-input bg-background px-3 py-1.5">
            <option value="">全部分组</option>
            {groups.data?.map((g) => (
              <optgroup key={g.part} label={g.part}>
                <option value={JSON.stringify([g.part])}>{g.part}（全部）</option>
                {g.categories.map((c) => (
                  <option key={c} value={JSON.stringify([g.part, c])}>{c}</option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span>状态</span>
          <select value={status} onChange={(e) => setStatus(e.target.value as Status)} className="rounded-md border border-input bg-background px-3 py-1.5">
            {statusOptions.map((o) => (
              <option key={o.value} value={o.value}>{o.label}</option>
            ))}
          </select>
        </label>
        <CreateService services={(list.data ?? []).filter((s) => s.access === "edit")} groups={groups.data ?? []} />
      </div>
      <CustomiseServices search={search} />
      {list.isError && <p role="alert" className="text-destructive">{errorMessage(list.error)}</p>}
      {list.isPending && <p className="text-muted-foreground">正在加载…</p>}
      {list.data && list.data.length === 0 && (
        <EmptyState title={filtered ? "没有匹配的服务事项" : "还没有服务事项"}>
          {filtered ? "请换一个关键词或筛选条件试试。" : "这里列出您所在单位的服务事项；本单位还没有事项，可以点“新建事项”创建。"}
        </EmptyState>
      )}
      {list.data && list.data.length > 0 && (
        <table className="w-full border-collapse rounded-lg bg-background text-sm">
          <caption className="sr-only">服务事项（共 {list.data.length} 项）</caption>
          <thead>
            <tr className="border-b text-left">
              <th scope="col" className="px-3 py-2">编码</th>
              <th scope="col" className="px-3 py-2">事项名称</th>
              <th scope="col" className="px-3 py-2">分组</th>
              <th scope="col" className="px-3 py-2">状态</th>
              <th scope="col" className="px-3 py-2">最后编辑</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((s) => (
              <tr key={s.id} className="border-b last:border-0">
                <td className="px-3 py-2 font-mono text-xs">{s.code}</td>
                <td className="px-3 py-2">
                  <Link href={`/designer/services/${s.id}`} className="text-primary underline decoration-primary/40 underline-offset-2 hover:decoration-primary">{s.title}</Link>
                  {s.isVariant && <span className="ml-2 text-xs text-muted-foreground">本地版本 · {s.ownerOrgName}</span>}
                  {s.access === "read" && <span className="ml-2 rounded border px-1 text-xs text-muted-foreground">只读 · {s.ownerOrgName}</span>}
                  {behind.has(s.id) && <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-950">有新版本</span>}
                </td>
                <td className="px-3 py-2">
                  <span className="block text-xs text-muted-foreground">{s.part}</span>
                  {s.category}
                </td>
                <td className="px-3 py-2">
                  {s.publishedVersion ? `已发布 第 ${s.publishedVersion} 版` : "未发布"}
                  {s.hasDraft && <span className="ml-2 rounded bg-accent px-1.5 py-0.5 text-xs">有草稿</span>}
                </td>
                <td className="px-3 py-2">
                  {s.lastEditor ?? "—"}
                  <span className="block text-xs text-muted-foreground">{when(s.updatedAt)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
