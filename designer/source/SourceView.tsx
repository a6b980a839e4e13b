"use client";
/** 原文: the lines of the source document the template was extracted from, with the parts' ranges as links. */
import { guideFieldLabels } from "@/runtime/definition/labels";
import type { SourceText } from "@/runtime/definition/sourceText";

/** `guide.legalLimit` → 法定办结时限, `guide.notes.咨询方式` → 其他说明·咨询方式, `forms.form-1` → 表单 form-1. */
function partLabel(key: string): string {
  const [scope, name, ...rest] = key.split(".");
  if (scope === "guide" && name) return [guideFieldLabels[name] ?? name, ...rest].join("·");
  if (scope === "forms") return `表单 ${[name, ...rest].join(".")}`;
  return { materials: "材料", flow: "流程" }[scope] ?? key;
}

export function SourceView({ source }: { source: SourceText }) {
  const parts = Object.entries(source.parts).sort((a, b) => a[1].first - b[1].first);
  return (
    <div className="space-y-3">
      <p className="text-sm text-muted-foreground">
        来源文档 {source.document}，第 {source.first}–{source.last} 行。
      </p>
      {parts.length > 0 && (
        <nav aria-label="各部分所在的行">
          <ul className="flex flex-wrap gap-2 text-sm">
            {parts.map(([key, range]) => (
              <li key={key}>
                <a className="text-primary hover:underline" href={`#source-line-${range.first}`}>
                  {partLabel(key)}（{range.first}–{range.last}）
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <div role="region" aria-label="原文" tabIndex={0} className="max-h-[640px] overflow-auto rounded-lg border bg-background p-2 font-mono text-xs leading-relaxed">
        {source.lines.map((line, i) => {
          const number = source.first + i;
          return (
            <div key={number} id={`source-line-${number}`} className="flex gap-3 target:bg-accent">
              <span className="w-12 shrink-0 select-none text-right text-muted-foreground">{number}</span>
              <span className="whitespace-pre-wrap break-all">{line || " "}</span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
