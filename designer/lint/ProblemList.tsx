"use client";
/** The lint's problems, grouped by part of the service; each one takes you to where it is. */
import type { LintArea, LintProblem } from "@/runtime/definition/lint";
import { lintAreaLabels as areaLabels } from "@/runtime/definition/labels";

export function ProblemList({ problems, onGo }: { problems: readonly LintProblem[]; onGo: (problem: LintProblem) => void }) {
  if (problems.length === 0) {
    return <p className="text-sm text-emerald-800">检查通过：没有发现问题，可以发布。</p>;
  }
  const areas = (Object.keys(areaLabels) as LintArea[]).filter((a) => problems.some((p) => p.area === a));
  return (
    <div className="space-y-2">
      <p className="text-sm text-destructive">发现 {problems.length} 个问题，改正后才能发布：</p>
      {areas.map((area) => (
        <section key={area} aria-label={`${areaLabels[area]}的问题`}>
          <h4 className="text-sm font-medium">{areaLabels[area]}</h4>
          <ul className="space-y-1">
            {problems
              .filter((p) => p.area === area)
              .map((problem, i) => (
                <li key={i}>
                  <button type="button" onClick={() => onGo(problem)} className="w-full rounded px-2 py-1 text-left text-sm hover:bg-muted">
                    {problem.message}
                  </button>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
