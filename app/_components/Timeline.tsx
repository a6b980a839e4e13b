import { formatDateTime } from "./format";

export interface TimelineEntryView {
  at: string | Date;
  action: string;
  label: string;
  actorName: string | null;
  comment: string | null;
  items?: string[];
}

/** A case's history, oldest first. */
export function Timeline({ entries, title = "办理过程" }: { entries: TimelineEntryView[]; title?: string }) {
  return (
    <section aria-labelledby="timeline-title" className="rounded-lg border bg-background p-4">
      <h2 id="timeline-title" className="text-lg font-semibold">{title}</h2>
      {entries.length === 0 ? (
        <p className="mt-2 text-sm text-muted-foreground">暂无记录。</p>
      ) : (
        <ol className="mt-3 space-y-3 border-l-2 border-primary/30 pl-4" data-testid="timeline">
          {entries.map((e, i) => {
            const notice = e.action === "notify";
            return (
            <li key={i} className="relative">
              <span aria-hidden="true" className={`absolute -left-[1.4rem] top-1.5 size-2.5 rounded-full ${notice ? "bg-amber-600" : "bg-primary"}`} />
              <p className="text-sm">
                {notice && <span className="mr-1 rounded bg-amber-50 px-1 text-xs text-amber-900">通知</span>}
                <span className={notice ? "" : "font-medium"}>{e.label}</span>
                {e.actorName && <span className="text-muted-foreground"> · {e.actorName}</span>}
              </p>
              <p className="text-xs text-muted-foreground"><time dateTime={new Date(e.at).toISOString()}>{formatDateTime(e.at)}</time></p>
              {!notice && e.comment && <p className="mt-1 whitespace-pre-line text-sm">意见：{e.comment}</p>}
              {!notice && e.items && e.items.length > 0 && (
                <ol className="mt-1 list-decimal pl-5 text-sm">
                  {e.items.map((item, j) => <li key={j}>{item}</li>)}
                </ol>
              )}
            </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
