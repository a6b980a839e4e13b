/** The office's 一次性告知, shown above the editor while the applicant corrects. */
import { formatDateTime } from "@/app/_components/format";

export function CorrectionRequest({ items, requestedAt }: { items: string[]; requestedAt: string }) {
  return (
    <section aria-labelledby="correction-title" className="rounded-lg border border-amber-600/50 bg-amber-50 p-4 text-amber-950">
      <h2 id="correction-title" className="font-semibold">一次性告知：请补正以下内容</h2>
      <p className="text-xs">告知时间：{formatDateTime(requestedAt)}</p>
      <ol className="mt-2 list-decimal space-y-1 pl-5 text-sm" data-testid="correction-items">
        {items.map((item, i) => <li key={i}>{item}</li>)}
      </ol>
    </section>
  );
}
