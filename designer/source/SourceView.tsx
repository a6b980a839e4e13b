"use client";
/** 原文: the lines of the source document the template was extracted from, with the parts' ranges as links. */
import type { SourceText } from "../../runtime/features/designer/sourceLines";

const partLabels: Record<string, string> = {
  "guide.conditions": "办理条件",
  "guide.legalLimit": "法定时限",
  "guide.promisedLimit": "承诺时限",
  "guide.legalBasis": "设定依据",
  materials: "材料",
  flow: "流程",
};

function partLabel(key: string): string {
  if (partLabels[key]) return partLabels[key];
  if (key.startsWith("forms.")) return `表单 ${key.slice(6)}`;
  if (key.startsWith("guide.")) return `指南 ${key.slice(6)}`;
  return key;
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
