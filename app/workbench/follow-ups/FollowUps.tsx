"use client";
/** 事后核查: the commitments made instead of proofs on the office's cases, and marking each verified or breached. */
import { useId, useState } from "react";
import { CaseCell } from "../_parts/CaseCells";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC, errorMessage } from "@/app/_trpc/client";
import { ErrorNotice, Loading } from "@/app/_components/Notice";
import { ToggleGroup } from "@/app/_components/ToggleGroup";
import { formatDateTime } from "@/app/_components/format";
import { commitmentStatusLabels } from "@/runtime/definition/labels";

type Status = keyof typeof commitmentStatusLabels;

function SettleForm({ commitmentId, caseNumber, onDone }: { commitmentId: string; caseNumber: string; onDone: () => Promise<void> }) {
  const trpc = useTRPC();
  const uid = useId();
  const [note, setNote] = useState("");
  const settle = useMutation(trpc.commitments.settle.mutationOptions({ onSuccess: () => onDone() }));
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label htmlFor={`${uid}-note`} className="sr-only">
        办件 {caseNumber} 的核查情况
      </label>
      <input id={`${uid}-note`} value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} placeholder="核查情况（承诺不实时必填）" className="min-w-48 flex-1 rounded-md border border-input bg-background px-2 py-1 text-sm" />
      <button type="button" disabled={settle.isPending} onClick={() => settle.mutate({ commitmentId, outcome: "verified", note: note || undefined })} className="rounded-md border border-emerald-700 px-2 py-1 text-sm text-emerald-900 hover:bg-emerald-50 disabled:opacity-60">
        核查属实
      </button>
      <button type="button" disabled={settle.isPending} onClick={() => settle.mutate({ commitmentId, outcome: "breached", note: note || undefined })} className="rounded-md border border-destructive px-2 py-1 text-sm text-destructive hover:bg-red-50 disabled:opacity-60">
        承诺不实
      </button>
      {settle.isError && <span role="alert" className="w-full text-sm text-destructive">{errorMessage(settle.error)}</span>}
    </div>
  );
}

export function FollowUps() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<Status>("committed");
  const query = useQuery(trpc.commitments.followUps.queryOptions({ status }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.commitments.pathKey() });
  return (
    <div className="mt-3 space-y-3">
      <ToggleGroup label="核查状态" options={(Object.keys(commitmentStatusLabels) as Status[]).map((s) => ({ value: s, label: commitmentStatusLabels[s] }))} value={status} onChange={setStatus} />
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorNotice message={errorMessage(query.error)} onReload={() => void query.refetch()} />
      ) : query.data.length === 0 ? (
        <p className="rounded-lg border bg-background p-4 text-sm text-muted-foreground">没有{commitmentStatusLabels[status]}的告知承诺。</p>
      ) : (
        <table className="w-full border-collapse rounded-lg border bg-background text-sm">
          <caption className="sr-only">告知承诺（{commitmentStatusLabels[status]}）</caption>
          <thead className="bg-muted text-left">
            <tr>
              <th scope="col" className="px-3 py-2">办件</th>
              <th scope="col" className="px-3 py-2">承诺代替的材料</th>
              <th scope="col" className="px-3 py-2">承诺时间</th>
              <th scope="col" className="px-3 py-2">{status === "committed" ? "核查" : "核查结果"}</th>
            </tr>
          </thead>
          <tbody>
            {query.data.map((row) => (
              <tr key={row.id} className="border-t align-top">
                <CaseCell applicationId={row.applicationId} caseNumber={row.caseNumber}>
                  {row.serviceTitle} · {row.applicantName} · {row.officeName}
                </CaseCell>
                <td className="px-3 py-2">{row.materialName}</td>
                <td className="px-3 py-2">{formatDateTime(row.committedAt)}</td>
                <td className="px-3 py-2">
                  {row.status === "committed" ? (
                    <SettleForm commitmentId={row.id} caseNumber={row.caseNumber} onDone={refresh} />
                  ) : (
                    <span>
                      {commitmentStatusLabels[row.status]}：{row.settledNote ?? "—"}（{row.settledBy ?? "—"}，{formatDateTime(row.settledAt)}）
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
