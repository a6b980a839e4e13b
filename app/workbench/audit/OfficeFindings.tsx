"use client";
/** 稽核意见 of one office: what auditors found in its sampled cases, newest first. */
import { useId, useState } from "react";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useTRPC, errorMessage } from "@/app/_trpc/client";
import { ErrorNotice, Loading } from "@/app/_components/Notice";
import { formatDateTime } from "@/app/_components/format";
import { findingVerdictLabels } from "@/runtime/definition/labels";

export function OfficeFindings({ offices }: { offices: { id: string; name: string }[] }) {
  const trpc = useTRPC();
  const uid = useId();
  const [officeId, setOfficeId] = useState(offices[0]?.id ?? "");
  const query = useQuery({ ...trpc.internalAudit.findings.queryOptions({ officeId }), enabled: !!officeId });
  return (
    <section aria-labelledby={`${uid}-title`} data-testid="office-findings" className="rounded-lg border bg-background p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={`${uid}-title`} className="font-semibold">稽核意见（按经办机构）</h3>
        <label className="flex items-center gap-2 text-sm">
          经办机构
          <select value={officeId} onChange={(e) => setOfficeId(e.target.value)} className="rounded-md border border-input bg-background px-2 py-1.5 text-sm">
            {offices.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}（{o.id}）
              </option>
            ))}
          </select>
        </label>
      </div>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorNotice message={errorMessage(query.error)} onReload={() => void query.refetch()} />
      ) : query.data.length === 0 ? (
        <p className="mt-2 text-sm text-muted-foreground">该机构暂无稽核意见。</p>
      ) : (
        <table className="mt-2 w-full border-collapse text-sm">
          <caption className="sr-only">稽核意见</caption>
          <thead className="bg-muted text-left">
            <tr>
              <th scope="col" className="px-3 py-2">办件</th>
              <th scope="col" className="px-3 py-2">结论</th>
              <th scope="col" className="px-3 py-2">稽核意见</th>
              <th scope="col" className="px-3 py-2">抽查期间</th>
              <th scope="col" className="px-3 py-2">稽核人员 · 时间</th>
            </tr>
          </thead>
          <tbody>
            {query.data.map((f) => (
              <tr key={f.id} className="border-t align-top">
                <td className="px-3 py-2">
                  <Link href={`/workbench/cases/${f.applicationId}`} className="text-primary underline">
                    {f.caseNumber}
                  </Link>
                  <div className="text-xs text-muted-foreground">{f.serviceTitle}</div>
                </td>
                <td className={`px-3 py-2 ${f.verdict === "issue" ? "font-medium text-red-900" : ""}`}>{findingVerdictLabels[f.verdict]}</td>
                <td className="px-3 py-2">{f.text}</td>
                <td className="px-3 py-2">{f.period}</td>
                <td className="px-3 py-2">
                  {f.auditor ?? "—"} · {formatDateTime(f.createdAt)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
