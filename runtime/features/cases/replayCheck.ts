/**
 * Whether each case's stored state is what its audit trail's events rebuild: every change a
 * case went through was recorded, in order, and nothing else changed it. Used by the load test
 * after crashes and by `npm run audit:verify`.
 */
import "server-only";
import type { Db } from "@/runtime/db";
import { serviceDefinition } from "@/runtime/definition/schema";
import { stableJson } from "@/runtime/definition/diff";
import { replayCase, type CaseState, type FormsData, type RecordedEvent } from "@/runtime/engine";
import { loadCalendar } from "./calendar";

export interface ReplayProblem {
  applicationId: string;
  caseNumber: string | null;
  problem: string;
}

/**
 * The cases (all submitted ones when `ids` is not given) whose trail does not rebuild their state.
 * Cases whose trail holds no events at all (filed before events were recorded) are counted apart.
 */
export async function replayProblems(db: Db, ids?: string[]): Promise<{ checked: number; unrecorded: number; problems: ReplayProblem[] }> {
  const calendar = await loadCalendar(db);
  const flows = new Map<string, ReturnType<typeof serviceDefinition.parse>["flow"]>();
  const problems: ReplayProblem[] = [];
  let checked = 0;
  let unrecorded = 0;
  // Pages of 200: the cases asked for, or every submitted case by id.
  const asked = ids ? Array.from({ length: Math.ceil(ids.length / 200) }, (_, i) => ids.slice(i * 200, i * 200 + 200)) : null;
  let cursor: string | undefined;
  for (let page = 0; ; page++) {
    if (asked && page >= asked.length) break;
    const cases = await db.application.findMany({
      where: asked ? { id: { in: asked[page] }, status: { not: "draft" } } : { status: { not: "draft" } },
      select: { id: true, caseNumber: true, engineState: true, formData: true, serviceVersionId: true },
      orderBy: { id: "asc" },
      ...(asked ? {} : { take: 200, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}) }),
    });
    if (cases.length === 0 && !asked) break;
    cursor = cases[cases.length - 1]?.id;
    for (const row of cases) {
      if (!row.engineState) continue;
      let flow = flows.get(row.serviceVersionId);
      if (!flow) {
        const version = await db.serviceVersion.findUniqueOrThrow({ where: { id: row.serviceVersionId }, select: { definition: true } });
        flow = serviceDefinition.parse(version.definition).flow;
        flows.set(row.serviceVersionId, flow);
      }
      const trail = await db.auditEvent.findMany({ where: { applicationId: row.id, entityType: "application" }, orderBy: { id: "asc" }, select: { payload: true } });
      const events = trail.map((e) => (e.payload as { event?: RecordedEvent } | null)?.event).filter((e): e is RecordedEvent => !!e);
      if (events.length === 0) {
        unrecorded++;
        continue;
      }
      checked++;
      const stored = row.engineState as unknown as CaseState;
      const replayed = replayCase(flow, events, { forms: (row.formData ?? {}) as FormsData, applicant: stored.applicant }, { calendar });
      const problem = !replayed.ok
        ? `第 ${replayed.index + 1} 个事件无法重放：${replayed.message}`
        : stableJson(replayed.state) !== stableJson(stored)
          ? `按 ${events.length} 个事件重放得到的状态与保存的状态不同`
          : null;
      if (problem) problems.push({ applicationId: row.id, caseNumber: row.caseNumber, problem });
    }
  }
  return { checked, unrecorded, problems };
}
