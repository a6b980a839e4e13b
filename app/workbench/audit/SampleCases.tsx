"use client";
/** One sample: its cases in the order drawn, each with its findings and a form to record one. */
import { useId, useState, type FormEvent } from "react";
import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC, errorMessage } from "@/app/_trpc/client";
import { ErrorNotice, Loading } from "@/app/_components/Notice";
import { caseStatusLabel, formatDateTime } from "@/app/_components/format";
import { findingVerdictLabels } from "@/runtime/definition/labels";

type Verdict = keyof typeof findingVerdictLabels;

function FindingForm({ sampleId, applicationId, caseNumber }: { sampleId: string; applicationId: string; caseNumber: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const uid = useId();
  const [verdict, setVerdict] = useState<Verdict>("compliant");
  const [text, setText] = useState("");
  const record = useMutation(
    trpc.internalAudit.recordFinding.mutationOptions({
      onSuccess: async () => {
        setText("");
        await queryClient.invalidateQueries({ queryKey: trpc.internalAudit.pathKey() });
      },
    }),
  );
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    record.mutate({ sampleId, applicationId, verdict, text });
  };
  return (
    <form onSubmit={onSubmit} className="mt-2 space-y-2" aria-label={`办件 ${caseNumber} 的稽核意见`}>
      <fieldset className="flex flex-wrap gap-3 text-sm">
        <legend className="sr-only">稽核结论</legend>
        {(Object.keys(findingVerdictLabels) as Verdict[]).map((v) => (
          <label key={v} className="flex items-center gap-1">
            <input type="radio" name={`${uid}-verdict`} value={v} checked={verdict === v} onChange={() => setVerdict(v)} />
            {findingVerdictLabels[v]}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${uid}-text`} className="block text-sm font-medium">
        稽核意见
      </label>
      <textarea id={`${uid}-text`} value={text} onChange={(e) => setText(e.target.value)} rows={2} maxLength={2000} required className="w-full rounded-md border border-input bg-background px-2 py-1 text-sm" />
      <button type="submit" disabled={record.isPending} className="rounded-md bg-primary px-3 py-1 text-sm font-medium text-primary-foreground hover:opacity-90 disabled:opacity-60">
        记录稽核意见
      </button>
      {record.isError && (
        <p role="alert" className="text-sm text-destructive">
          {errorMessage(record.error)}
        </p>
      )}
    </form>
  );
}

export function SampleCases({ sampleId }: { sampleId: string }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.internalAudit.sample.queryOptions({ id: sampleId }));
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorNotice message={errorMessage(query.error)} onReload={() => void query.refetch()} />;
  const sample = query.data;
  return (
    <section aria-labelledby="sample-title" data-testid="audit-sample" className="rounded-lg border bg-background p-4">
      <h3 id="sample-title" className="font-semibold">
        样本：{sample.officeName} {sample.periodFrom} 至 {sample.periodTo}
      </h3>
      <p className="text-xs text-muted-foreground">
        共 {sample.population} 件已办结办件，抽取 {sample.cases.length} 件；随机种子 {sample.seed}（{formatDateTime(sample.drawnAt)}）
      </p>
      <ol className="mt-3 space-y-3">
        {sample.cases.map((c) => (
          <li key={c.applicationId} className="rounded-md border p-3">
            <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
              <span>
                {c.position}.{" "}
                <Link href={`/workbench/cases/${c.applicationId}`} className="text-primary underline">
                  {c.caseNumber}
                </Link>{" "}
                {c.serviceTitle}
              </span>
              <span className="text-muted-foreground">
                {caseStatusLabel(c.status)} · 办结于 {formatDateTime(c.closedAt)}
              </span>
            </div>
            {c.findings.length > 0 && (
              <ul className="mt-2 space-y-1 text-sm">
                {c.findings.map((f) => (
                  <li key={f.id} className={f.verdict === "issue" ? "text-red-900" : ""}>
                    【{findingVerdictLabels[f.verdict]}】{f.text}（{f.auditor ?? "—"}，{formatDateTime(f.createdAt)}）
                  </li>
                ))}
              </ul>
            )}
            <FindingForm sampleId={sample.id} applicationId={c.applicationId} caseNumber={c.caseNumber} />
          </li>
        ))}
      </ol>
    </section>
  );
}
