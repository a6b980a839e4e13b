"use client";
/** 稽核意见 of one office: what auditors found in its sampled cases, newest first. */
import { useId, useState } from "react";
import { CaseCell, OfficeSelect } from "../_parts/CaseCells";
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
        <OfficeSelect offices={offices} value={officeId} onChange={setOfficeId} labelClassName="flex items-center gap-2 text-sm" className="rounded-md border border-input bg-background px-2 py-1.5 text-sm" />
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
                <CaseCell applicationId={f.applicationId} caseNumber={f.caseNumber}>
                  {f.serviceTitle}
                </CaseCell>
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
