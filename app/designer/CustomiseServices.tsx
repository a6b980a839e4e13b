"use client";
/**
 * 定制本地版本: the services of the offices above (the region's templates, the league's variants)
 * a league or banner administrator may customise, each with the button that creates their
 * office's variant and opens it (or opens the one they already have).
 */
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTRPC, errorMessage } from "../_trpc/client";
import type { RouterOutputs } from "../_components/types";
import { smallButtonClass } from "@/designer/ui/classes";

type Row = RouterOutputs["variants"]["customisable"][number];

function CustomiseRow({ row, onError }: { row: Row; onError: (message: string) => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [baseId, setBaseId] = useState(row.bases[0]?.serviceId ?? "");
  const create = useMutation(trpc.variants.create.mutationOptions());
  const start = async () => {
    try {
      const created = await create.mutateAsync({ parentServiceId: baseId, ownerOrgId: row.officeId });
      router.push(`/designer/services/${created.serviceId}`);
    } catch (error) {
      onError(errorMessage(error));
    }
  };
  return (
    <tr className="border-b last:border-0">
      <td className="px-3 py-2 font-mono text-xs">{row.code}</td>
      <td className="px-3 py-2">
        {row.title}
        <span className="block text-xs text-muted-foreground">{row.category}</span>
      </td>
      <td className="px-3 py-2">
        {row.bases.length === 1 ? (
          <span>{row.bases[0].ownerOrgName} 第 {row.bases[0].publishedVersion} 版</span>
        ) : (
          <label className="flex flex-col gap-1 text-xs">
            <span className="sr-only">{row.title}：基于哪个版本定制</span>
            <select value={baseId} onChange={(e) => setBaseId(e.target.value)} className="rounded-md border border-input bg-background px-2 py-1 text-sm">
              {row.bases.map((b) => (
                <option key={b.serviceId} value={b.serviceId}>{b.ownerOrgName} 第 {b.publishedVersion} 版</option>
              ))}
            </select>
          </label>
        )}
      </td>
      <td className="px-3 py-2">
        {row.mine ? (
          row.mine.isVariant ? (
            <Link href={`/designer/services/${row.mine.serviceId}`} className="text-primary underline">
              打开本地版本<span className="sr-only">：{row.title}</span>
            </Link>
          ) : (
            <span className="text-xs text-muted-foreground">本单位已有同编码事项</span>
          )
        ) : (
          <button type="button" className={smallButtonClass} onClick={() => void start()} disabled={create.isPending || !baseId}>
            {create.isPending ? "正在创建…" : "定制本地版本"}
            <span className="sr-only">：{row.title}</span>
          </button>
        )}
      </td>
    </tr>
  );
}

export function CustomiseServices({ search }: { search: string }) {
  const trpc = useTRPC();
  const list = useQuery(trpc.variants.customisable.queryOptions({ search: search || undefined }));
  const [error, setError] = useState<string | null>(null);
  if (!list.data || (list.data.length === 0 && !search)) return null;
  const office = list.data[0]?.officeName;
  return (
    <details className="rounded-lg border bg-background p-3" open={!!search}>
      <summary className="cursor-pointer font-medium">
        上级的事项：可为{office ?? "本单位"}定制本地版本（{list.data.length} 项）
      </summary>
      <p className="mt-2 text-sm text-muted-foreground">
        本地版本沿用上级的内容，只保存本单位修改、新增或删除的部分；上级锁定的内容不能修改，承诺时限只能缩短。
      </p>
      {error && <p role="alert" className="mt-2 text-sm text-destructive">{error}</p>}
      {list.data.length === 0 ? (
        <p className="mt-2 text-sm text-muted-foreground">没有匹配的上级事项。</p>
      ) : (
        <table className="mt-2 w-full border-collapse text-sm">
          <caption className="sr-only">可定制本地版本的上级事项</caption>
          <thead>
            <tr className="border-b text-left">
              <th scope="col" className="px-3 py-2">编码</th>
              <th scope="col" className="px-3 py-2">事项名称</th>
              <th scope="col" className="px-3 py-2">基于</th>
              <th scope="col" className="px-3 py-2">操作</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((row) => (
              <CustomiseRow key={`${row.officeId}:${row.code}`} row={row} onError={setError} />
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
