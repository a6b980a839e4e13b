"use client";
/** A version comparison in words: every change, grouped by part of the service. */
import type { DiffEntry, ChangeKind } from "@/runtime/definition/diff";
import type { LintArea } from "@/runtime/definition/lint";
import { changeKindLabels, lintAreaLabels as areaLabels } from "@/runtime/definition/labels";

const kindClasses: Record<ChangeKind, string> = {
  added: "bg-emerald-50 text-emerald-900 border-emerald-700",
  removed: "bg-red-50 text-red-900 border-red-700",
  changed: "bg-amber-50 text-amber-900 border-amber-700",
};

/** `headingLevel`: the level of each area's heading, one below the heading the view sits under. */
export function DiffView({ entries, headingLevel = 4 }: { entries: readonly DiffEntry[]; headingLevel?: 3 | 4 }) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  if (entries.length === 0) return <p className="text-sm text-muted-foreground">两个版本的内容相同。</p>;
  const areas = (Object.keys(areaLabels) as LintArea[]).filter((area) => entries.some((e) => e.area === area));
  return (
    <div className="space-y-4">
      {areas.map((area) => {
        const list = entries.filter((e) => e.area === area);
        return (
          <section key={area} aria-label={areaLabels[area]}>
            <Heading className="mb-1 font-medium">
              {areaLabels[area]}（{list.length} 处变化）
            </Heading>
            <ul className="space-y-1 text-sm">
              {list.map((entry, i) => (
                <li key={i} className="flex flex-wrap items-baseline gap-2 rounded border bg-background px-2 py-1">
                  <span className={`rounded border px-1 text-xs ${kindClasses[entry.kind]}`}>{changeKindLabels[entry.kind]}</span>
                  <span className="font-medium">{entry.subject}</span>
                  {entry.attribute && <span className="text-muted-foreground">{entry.attribute}</span>}
                  {entry.kind === "changed" && (entry.before !== undefined || entry.after !== undefined) && (
                    <span className="min-w-0 basis-full break-words pl-2">
                      <del className="bg-red-50 text-red-900">{entry.before}</del>
                      <span aria-hidden="true"> → </span>
                      <span className="sr-only">改为</span>
                      <ins className="bg-emerald-50 text-emerald-900 no-underline">{entry.after}</ins>
                    </span>
                  )}
                  {entry.kind !== "changed" && (entry.before ?? entry.after) && (
                    <span className="min-w-0 basis-full break-words pl-2 text-muted-foreground">{entry.before ?? entry.after}</span>
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
