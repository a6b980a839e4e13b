"use client";
/** The lint's problems, grouped by part of the service, then the advice; each one takes you to where it is. */
import type { LintArea, LintProblem } from "@/runtime/definition/lint";
import { lintAreaLabels as areaLabels } from "@/runtime/definition/labels";
import type { VariantViolation } from "@/runtime/definition/variant";

/** A local variant's breaches of the region's rules (runtime/definition/variant/rules.ts), beside the lint's problems. */
function Violations({ violations }: { violations: readonly VariantViolation[] }) {
  return (
    <section aria-label="不符合上级规定之处" className="space-y-1">
      <h2 className="text-sm font-medium">上级的规定（{violations.length} 处不符合，不能发布）</h2>
      <ul className="space-y-1">
        {violations.map((v, i) => (
          <li key={i} className="rounded px-2 py-1 text-sm text-destructive" data-variant-rule={v.rule}>
            {v.message}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Items that each take you to their place when chosen. */
function GoList({ items, onGo, tone = "" }: { items: readonly LintProblem[]; onGo: (problem: LintProblem) => void; tone?: string }) {
  return (
    <ul className="space-y-1">
      {items.map((item, i) => (
        <li key={i}>
          <button type="button" onClick={() => onGo(item)} className={`w-full rounded px-2 py-1 text-left text-sm hover:bg-muted ${tone}`}>
            {item.message}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Advice (runtime/definition/advice.ts): allowed, but worth a look; publishing goes ahead. */
function Advice({ advice, onGo }: { advice: readonly LintProblem[]; onGo: (problem: LintProblem) => void }) {
  if (advice.length === 0) return null;
  return (
    <section aria-label="提示" className="space-y-1">
      <h2 className="text-sm font-medium">提示（{advice.length} 条，不影响发布）</h2>
      <GoList items={advice} onGo={onGo} tone="text-amber-900" />
    </section>
  );
}

export function ProblemList({
  problems,
  onGo,
  violations = [],
  advice = [],
}: {
  problems: readonly LintProblem[];
  onGo: (problem: LintProblem) => void;
  violations?: readonly VariantViolation[];
  advice?: readonly LintProblem[];
}) {
  if (problems.length === 0 && violations.length === 0) {
    return (
      <div className="space-y-2">
        <p className="text-sm text-emerald-800">检查通过：没有发现问题，可以发布。</p>
        <Advice advice={advice} onGo={onGo} />
      </div>
    );
  }
  if (problems.length === 0) {
    return (
      <div className="space-y-2">
        <Violations violations={violations} />
        <Advice advice={advice} onGo={onGo} />
      </div>
    );
  }
  const areas = (Object.keys(areaLabels) as LintArea[]).filter((a) => problems.some((p) => p.area === a));
  return (
    <div className="space-y-2">
      {violations.length > 0 && <Violations violations={violations} />}
      <p className="text-sm text-destructive">发现 {problems.length} 个问题，改正后才能发布：</p>
      {areas.map((area) => (
        <section key={area} aria-label={`${areaLabels[area]}的问题`}>
          <h2 className="text-sm font-medium">{areaLabels[area]}</h2>
          <GoList items={problems.filter((p) => p.area === area)} onGo={onGo} />
        </section>
      ))}
      <Advice advice={advice} onGo={onGo} />
    </div>
  );
}
