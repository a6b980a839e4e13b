"use client";
import { useState } from "react";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useTRPC, errorMessage } from "../_trpc/client";
import { EmptyState } from "../_components/EmptyState";

export function ServiceList() {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const list = useQuery(trpc.designer.list.queryOptions({ search: search || undefined }));
  return (
    <div className="mt-4">
      <label className="flex max-w-md items-center gap-2 text-sm">
        <span className="shrink-0">搜索事项</span>
        <input
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder="名称、编码或分类"
          className="min-w-0 flex-1 rounded-md border border-input bg-background px-3 py-1.5"
        />
      </label>
      {list.isError && <p role="alert" className="mt-4 text-destructive">{errorMessage(list.error)}</p>}
      {list.isPending && <p className="mt-4 text-muted-foreground">正在加载…</p>}
      {list.data && list.data.length === 0 && (
        <div className="mt-4">
          <EmptyState title={search ? "没有匹配的服务事项" : "还没有服务事项"}>
            {search ? "请换一个关键词试试。" : "自治区发布的事项模板会出现在这里。"}
          </EmptyState>
        </div>
      )}
      {list.data && list.data.length > 0 && (
        <table className="mt-4 w-full border-collapse rounded-lg bg-background text-sm">
          <caption className="sr-only">服务事项</caption>
          <thead>
            <tr className="border-b text-left">
              <th scope="col" className="px-3 py-2">编码</th>
              <th scope="col" className="px-3 py-2">事项名称</th>
              <th scope="col" className="px-3 py-2">分类</th>
              <th scope="col" className="px-3 py-2">状态</th>
              <th scope="col" className="px-3 py-2">最后编辑</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((s) => (
              <tr key={s.id} className="border-b last:border-0">
                <td className="px-3 py-2 font-mono text-xs">{s.code}</td>
                <td className="px-3 py-2">
                  <Link href={`/designer/services/${s.id}`} className="text-primary hover:underline">{s.title}</Link>
                </td>
                <td className="px-3 py-2">{s.category}</td>
                <td className="px-3 py-2">
                  {s.publishedVersion ? `已发布 v${s.publishedVersion}` : "未发布"}
                  {s.hasDraft && <span className="ml-2 rounded bg-accent px-1.5 py-0.5 text-xs">有草稿</span>}
                </td>
                <td className="px-3 py-2">{s.lastEditor ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
