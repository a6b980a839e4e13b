/** Small pieces the workbench's lists share: a cell of the phone layout, an office picker, and a case's number linking to it with a line under it. */
import Link from "next/link";
import type { ReactNode } from "react";

/** A table cell; below 640 px each row is a card of “label value” lines (no sideways scrolling on a phone). The label is the cell's `data-label`. */
export const cardCell =
  "px-3 py-2 max-sm:flex max-sm:gap-3 max-sm:py-0.5 max-sm:before:w-16 max-sm:before:shrink-0 max-sm:before:text-muted-foreground max-sm:before:content-[attr(data-label)]";

interface OfficeOption {
  id: string;
  name: string;
}

/** 经办机构: one office of `offices`, shown as 「name（id）」. */
export function OfficeSelect({ offices, value, onChange, className, labelClassName }: { offices: OfficeOption[]; value: string; onChange: (id: string) => void; className: string; labelClassName: string }) {
  return (
    <label className={labelClassName}>
      经办机构
      <select value={value} onChange={(e) => onChange(e.target.value)} className={className}>
        {offices.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}（{o.id}）
          </option>
        ))}
      </select>
    </label>
  );
}

/** A case's number (「（未编号）」 without one), linking to its staff page. */
export function CaseLink({ applicationId, caseNumber }: { applicationId: string; caseNumber: string | null }) {
  return (
    <Link href={`/workbench/cases/${applicationId}`} className="text-primary underline-offset-2 hover:underline">
      {caseNumber ?? "（未编号）"}
    </Link>
  );
}

/** A table cell: the case's number, linking to its staff page, and what else identifies it below. */
export function CaseCell({ applicationId, caseNumber, children }: { applicationId: string; caseNumber: string | null; children: ReactNode }) {
  return (
    <td className="px-3 py-2">
      <Link href={`/workbench/cases/${applicationId}`} className="text-primary underline">
        {caseNumber}
      </Link>
      <div className="text-xs text-muted-foreground">{children}</div>
    </td>
  );
}
