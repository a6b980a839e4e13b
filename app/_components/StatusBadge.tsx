import { caseStatusLabel } from "./format";

const tone: Record<string, string> = {
  draft: "border-border bg-muted text-foreground",
  submitted: "border-primary/30 bg-accent text-accent-foreground",
  in_progress: "border-primary/30 bg-accent text-accent-foreground",
  waiting_applicant: "border-amber-600/40 bg-amber-50 text-amber-900",
  paused: "border-amber-600/40 bg-amber-50 text-amber-900",
  completed: "border-emerald-700/30 bg-emerald-50 text-emerald-900",
  refused: "border-destructive/40 bg-red-50 text-red-900",
  terminated: "border-destructive/40 bg-red-50 text-red-900",
  withdrawn: "border-border bg-muted text-foreground",
};

/** A case status in Chinese, coloured by how it stands. */
export function StatusBadge({ status, label }: { status: string; label?: string }) {
  return (
    <span
      data-testid="case-status"
      className={`inline-flex items-center whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium ${tone[status] ?? tone.draft}`}
    >
      {label ?? caseStatusLabel(status)}
    </span>
  );
}
