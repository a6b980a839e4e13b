"use client";
/** 告知承诺 on the case: materials the applicant committed to instead of providing, and their 事后核查. */
import Link from "next/link";
import type { StaffCase } from "@/app/_components/types";
import { formatDateTime } from "@/app/_components/format";
import { commitmentStatusLabels } from "@/runtime/definition/labels";

export function CaseCommitments({ commitments }: { commitments: StaffCase["commitments"] }) {
  if (commitments.length === 0) return null;
  return (
    <section aria-labelledby="case-commitments-title" data-testid="case-commitments" className="rounded-lg border border-amber-700/30 bg-amber-50/60 p-4 text-sm">
      <h2 id="case-commitments-title" className="font-semibold">告知承诺（以承诺代替证明材料）</h2>
      <ul className="mt-1 space-y-1">
        {commitments.map((c) => (
          <li key={c.id}>
            {c.materialName}：申请人于 {formatDateTime(c.committedAt)} 承诺 ·{" "}
            <span className="font-medium">{commitmentStatusLabels[c.status as keyof typeof commitmentStatusLabels] ?? c.status}</span>
            {c.settledNote && `（${c.settledNote}，${c.settledBy ?? "—"}）`}
          </li>
        ))}
      </ul>
      <Link href="/workbench/follow-ups" className="mt-1 inline-block text-primary underline">
        前往事后核查
      </Link>
    </section>
  );
}
