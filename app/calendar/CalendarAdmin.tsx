"use client";
import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC, errorMessage } from "../_trpc/client";
import { EmptyState } from "../_components/EmptyState";

const kindLabel = { holiday: "休息日", workday: "工作日" } as const;

export function CalendarAdmin() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(new Date().getFullYear() + 1);
  const [date, setDate] = useState("");
  const [kind, setKind] = useState<"holiday" | "workday">("holiday");
  const [note, setNote] = useState("");
  const overview = useQuery(trpc.calendar.year.queryOptions({ year }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.calendar.year.queryKey() });
  const setDay = useMutation(trpc.calendar.setDay.mutationOptions({ onSuccess: () => { setDate(""); setNote(""); void refresh(); } }));
  const clearDay = useMutation(trpc.calendar.clearDay.mutationOptions({ onSuccess: () => void refresh() }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDay.mutate({ date, kind, note: note || undefined });
  };
  return (
    <div className="mt-4 space-y-6">
      <div className="flex items-center gap-2">
        <button type="button" className="rounded-md border bg-background px-3 py-1.5" onClick={() => setYear(year - 1)} aria-label="上一年">‹</button>
        <h2 className="text-lg font-medium" aria-live="polite">{year} 年</h2>
        <button type="button" className="rounded-md border bg-background px-3 py-1.5" onClick={() => setYear(year + 1)} aria-label="下一年">›</button>
      </div>
      {overview.data && !overview.data.known && (
        <p role="status" className="rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          系统尚未收录 {year} 年的国家节假日安排：目前按周一至周五为工作日、周六周日为休息日计算。请在国务院办公厅公布安排后，逐日添加节假日与调休上班日。
        </p>
      )}
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3 rounded-lg border bg-background p-4">
        <label className="flex flex-col text-sm">
          <span className="mb-1 font-medium">日期</span>
          <input type="date" required value={date} onChange={(e) => setDate(e.target.value)} className="rounded-md border border-input px-3 py-1.5" />
        </label>
        <fieldset className="text-sm">
          <legend className="mb-1 font-medium">调整为</legend>
          <div className="flex gap-3">
            {(["holiday", "workday"] as const).map((k) => (
              <label key={k} className="flex items-center gap-1">
                <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
                {kindLabel[k]}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="flex flex-col text-sm">
          <span className="mb-1 font-medium">说明（可选）</span>
          <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={100} placeholder="如：国庆节调休" className="rounded-md border border-input px-3 py-1.5" />
        </label>
        <button type="submit" disabled={setDay.isPending} className="rounded-md bg-primary px-4 py-2 text-primary-foreground disabled:opacity-60">保存调整</button>
        {setDay.isError && <p role="alert" className="w-full text-sm text-destructive">{errorMessage(setDay.error)}</p>}
      </form>
      {overview.isError && <p role="alert" className="text-destructive">{errorMessage(overview.error)}</p>}
      {overview.data && overview.data.overrides.length === 0 && (
        <EmptyState title={`${year} 年没有调整`}>{overview.data.known ? "期限按国家公布的安排计算。" : "请添加该年的节假日与调休上班日。"}</EmptyState>
      )}
      {overview.data && overview.data.overrides.length > 0 && (
        <table className="w-full rounded-lg bg-background text-sm">
          <caption className="sr-only">{year} 年的日期调整</caption>
          <thead>
            <tr className="border-b text-left">
              <th scope="col" className="px-3 py-2">日期</th>
              <th scope="col" className="px-3 py-2">调整为</th>
              <th scope="col" className="px-3 py-2">原安排</th>
              <th scope="col" className="px-3 py-2">说明</th>
              <th scope="col" className="px-3 py-2"><span className="sr-only">操作</span></th>
            </tr>
          </thead>
          <tbody>
            {overview.data.overrides.map((o) => (
              <tr key={o.date} className="border-b last:border-0">
                <td className="px-3 py-2">{o.date}</td>
                <td className="px-3 py-2">{kindLabel[o.kind]}</td>
                <td className="px-3 py-2 text-muted-foreground">{kindLabel[o.officialKind]}</td>
                <td className="px-3 py-2">{o.note ?? "—"}</td>
                <td className="px-3 py-2 text-right">
                  <button type="button" onClick={() => clearDay.mutate({ date: o.date })} className="rounded-md border px-2 py-1 hover:bg-muted">
                    删除<span className="sr-only"> {o.date} 的调整</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
