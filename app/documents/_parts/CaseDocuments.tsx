/**
 * On a case page (applicant's and staff's): the decision a decision step recorded, and the
 * formal documents issued on the case, each opening its printable page.
 */
import Link from "next/link";
import { formatDateTime } from "@/app/_components/format";

interface Decision {
  label: string;
  favourable: boolean;
  reason: string | null;
  amount: string | null;
  decidedAt: string;
  documentTitle: string;
}

interface IssuedDocumentRow {
  id: string;
  title: string;
  number: string;
  issuedAt: string | Date;
}

export function CaseDocuments({ decision, documents }: { decision: Decision | null | undefined; documents: IssuedDocumentRow[] }) {
  if (!decision && documents.length === 0) return null;
  return (
    <section aria-labelledby="case-documents-title" className="rounded-lg border bg-background p-4 text-sm">
      <h2 id="case-documents-title" className="font-semibold">决定与文书</h2>
      {decision && (
        <p className="mt-2" data-testid="case-decision">
          决定结果：
          <strong className={decision.favourable ? "text-emerald-800" : "text-red-800"}>{decision.label}</strong>
          {decision.amount && <>（核定金额 {decision.amount} 元）</>}
          <span className="text-muted-foreground">，{formatDateTime(decision.decidedAt)}</span>
          {decision.reason && <span className="block">理由：{decision.reason}</span>}
        </p>
      )}
      {documents.length > 0 && (
        <ul className="mt-2 space-y-1" data-testid="case-documents">
          {documents.map((d) => (
            <li key={d.id} className="flex flex-wrap items-baseline gap-x-2">
              <Link href={`/documents/issued/${d.id}`} className="text-primary hover:underline">《{d.title}》</Link>
              <span className="text-xs text-muted-foreground">{d.number} · {formatDateTime(d.issuedAt)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
