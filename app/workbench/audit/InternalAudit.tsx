"use client";
/** 内控稽核: draw a sample of an office's completed cases, record a finding per case, read the findings of an office. */
import { useId, useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC, errorMessage } from "@/app/_trpc/client";
import { ErrorNotice, Loading } from "@/app/_components/Notice";
import { formatDateTime, todayInChina } from "@/app/_components/format";
import { SampleCases } from "./SampleCases";
import { OfficeSelect } from "../_parts/CaseCells";
import { OfficeFindings } from "./OfficeFindings";

const monthStart = (today: string) => `${today.slice(0, 8)}01`;

function DrawForm({ offices, onDrawn }: { offices: { id: string; name: string }[]; onDrawn: (id: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const uid = useId();
  const today = todayInChina();
  const [officeId, setOfficeId] = useState(offices[0]?.id ?? "");
  const [periodFrom, setFrom] = useState(monthStart(today));
  const [periodTo, setTo] = useState(today);
  const [size, setSize] = useState("5");
  const draw = useMutation(
    trpc.internalAudit.drawSample.mutationOptions({
      onSuccess: async (result) => {
        await queryClient.invalidateQueries({ queryKey: trpc.internalAudit.pathKey() });
        onDrawn(result.id);
      },
    }),
  );
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    draw.mutate({ officeId, periodFrom, periodTo, size: Number(size) });
  };
  const field = "rounded-md border border-input bg-background px-2 py-1.5 text-sm";
  return (
    <form onSubmit={onSubmit} aria-labelledby={`${uid}-title`} className="rounded-lg border bg-background p-4">
      <h3 id={`${uid}-title`} className="font-semibold">抽取样本</h3>
      <div className="mt-2 flex flex-wrap items-end gap-3 text-sm">
        <OfficeSelect offices={offices} value={officeId} onChange={setOfficeId} labelClassName="flex flex-col gap-1" className={field} />
        <label className="flex flex-col gap-1">
          办结日期自
          <input type="date" value={periodFrom} onChange={(e) => setFrom(e.target.value)} required className={field} />
        </label>
        <label className="flex flex-col gap-1">
          至
          <input type="date" value={periodTo} onChange={(e) => setTo(e.target.value)} required className={field} />
        </label>
        <label className="flex flex-col gap-1">
          抽查件数
          <input type="number" min={1} max={100} value={size} onChange={(e) => setSize(e.target.value)} required className={`${field} w-24`} />
        </label>
        <button type="submit" disabled={draw.isPending || !officeId} className="rounded-md bg-primary px-4 py-1.5 font-medium text-primary-foreground hover:opacity-90 disabled:opacity-60">
          {draw.isPending ? "正在抽取…" : "随机抽取"}
        </button>
      </div>
      {draw.isError && (
        <p role="alert" className="mt-2 text-sm text-destructive">
          {errorMessage(draw.error)}
        </p>
      )}
      {draw.isSuccess && (
        <p role="status" className="mt-2 text-sm text-emerald-900">
          已从 {draw.data.population} 件已办结办件中抽取 {draw.data.size} 件（随机种子 {draw.data.seed}）。
        </p>
      )}
    </form>
  );
}

export function InternalAudit() {
  const trpc = useTRPC();
  const offices = useQuery(trpc.internalAudit.offices.queryOptions());
  const samples = useQuery(trpc.internalAudit.samples.queryOptions());
  const [selected, setSelected] = useState<string | null>(null);
  if (offices.isPending || samples.isPending) return <Loading />;
  if (offices.isError || samples.isError) return <ErrorNotice message={errorMessage(offices.error ?? samples.error)} onReload={() => void samples.refetch()} />;
  return (
    <div className="mt-3 space-y-4">
      <DrawForm offices={offices.data} onDrawn={setSelected} />
      <section aria-labelledby="samples-title" className="rounded-lg border bg-background p-4">
        <h3 id="samples-title" className="font-semibold">抽查批次</h3>
        {samples.data.length === 0 ? (
          <p className="mt-2 text-sm text-muted-foreground">尚未抽取样本。</p>
        ) : (
          <table className="mt-2 w-full border-collapse text-sm">
            <caption className="sr-only">抽查批次</caption>
            <thead className="bg-muted text-left">
              <tr>
                <th scope="col" className="px-3 py-2">经办机构</th>
                <th scope="col" className="px-3 py-2">期间</th>
                <th scope="col" className="px-3 py-2">抽取</th>
                <th scope="col" className="px-3 py-2">稽核意见</th>
                <th scope="col" className="px-3 py-2">抽取人 · 时间</th>
                <th scope="col" className="px-3 py-2"><span className="sr-only">操作</span></th>
              </tr>
            </thead>
            <tbody>
              {samples.data.map((s) => (
                <tr key={s.id} className={`border-t ${selected === s.id ? "bg-accent" : ""}`}>
                  <td className="px-3 py-2">{s.officeName}</td>
                  <td className="px-3 py-2">{s.periodFrom} 至 {s.periodTo}</td>
                  <td className="px-3 py-2">{s.size} / {s.population} 件</td>
                  <td className="px-3 py-2">{s.findings} 条</td>
                  <td className="px-3 py-2">{s.drawnBy ?? "—"} · {formatDateTime(s.drawnAt)}</td>
                  <td className="px-3 py-2">
                    <button type="button" onClick={() => setSelected(s.id)} aria-pressed={selected === s.id} className="rounded-md border px-2 py-1 hover:bg-muted">
                      查看样本
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {selected && <SampleCases sampleId={selected} />}
      <OfficeFindings offices={offices.data} />
    </div>
  );
}
