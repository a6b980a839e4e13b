"use client";
/** 新建事项: a blank service, or a copy of one of the list's services, created as a draft and opened. */
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTRPC, errorMessage } from "../_trpc/client";
import type { DesignerServiceRow, ServiceGroup } from "@/app/_components/types";

const field = "rounded-md border border-input bg-background px-3 py-1.5";

export function CreateService({ services, groups }: { services: readonly DesignerServiceRow[]; groups: readonly ServiceGroup[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState("");
  const [title, setTitle] = useState("");
  const [part, setPart] = useState("");
  const [category, setCategory] = useState("");
  const [copyFrom, setCopyFrom] = useState("");
  const create = useMutation(
    trpc.designer.createService.mutationOptions({
      onSuccess: (result) => router.push(`/designer/services/${result.serviceId}`),
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ code: code.trim(), title: title.trim(), part: part.trim(), category: category.trim(), copyFromServiceId: copyFrom || undefined });
  };
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} className="rounded-md bg-primary px-3 py-1.5 text-sm text-primary-foreground hover:opacity-90">
        新建事项
      </button>
    );
  }
  return (
    <form onSubmit={submit} aria-label="新建事项" className="basis-full space-y-3 rounded-lg border bg-background p-4">
      <h2 className="font-semibold">新建事项</h2>
      <div className="grid gap-3 md:grid-cols-2">
        <label className="flex flex-col gap-1 text-sm">
          事项编码（小写字母、数字和连字符）
          <input required pattern="[a-z0-9][a-z0-9\-]{1,63}" value={code} onChange={(e) => setCode(e.target.value)} className={`${field} font-mono`} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          事项名称
          <input required value={title} onChange={(e) => setTitle(e.target.value)} className={field} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          所属部分
          <input required list="designer-parts" value={part} onChange={(e) => setPart(e.target.value)} className={field} />
          <datalist id="designer-parts">
            {groups.map((g) => (
              <option key={g.part} value={g.part} />
            ))}
          </datalist>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          分类
          <input required list="designer-categories" value={category} onChange={(e) => setCategory(e.target.value)} className={field} />
          <datalist id="designer-categories">
            {[...new Set(groups.filter((g) => !part || g.part === part).flatMap((g) => g.categories))].map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </label>
        <label className="flex flex-col gap-1 text-sm md:col-span-2">
          内容
          <select value={copyFrom} onChange={(e) => setCopyFrom(e.target.value)} className={field}>
            <option value="">空白事项（最简流程和一张申请表）</option>
            {services.map((s) => (
              <option key={s.id} value={s.id}>复制：{s.title}（{s.code}）</option>
            ))}
          </select>
        </label>
      </div>
      {create.isError && <p role="alert" className="text-sm text-destructive">{errorMessage(create.error)}</p>}
      <div className="flex gap-2">
        <button type="submit" disabled={create.isPending} className="rounded-md bg-primary px-3 py-1.5 text-sm text-primary-foreground hover:opacity-90 disabled:opacity-50">
          {create.isPending ? "正在创建…" : "创建并打开"}
        </button>
        <button type="button" onClick={() => setOpen(false)} className="rounded-md border border-input bg-background px-3 py-1.5 text-sm hover:bg-muted">
          取消
        </button>
      </div>
    </form>
  );
}
