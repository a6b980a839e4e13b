/**
 * The caseworker's inbox: open tasks of their own offices, for the roles they hold there, most
 * urgent first — overdue steps (已超期), then those due today (今日到期), then by due date; steps
 * without a deadline last.
 */
import "server-only";
import type { Db } from "@/runtime/db";
import type { SessionUser } from "@/runtime/auth/roles";
import { chinaDateOf } from "@/runtime/calendar";
import { caseNow } from "@/runtime/clock";
import { displayNames } from "../users/displayNames";
import { workScopes } from "../cases/access";
import { pinnedDefinition } from "../cases/definitions";
import { barredActorOfTask, type CaseState } from "@/runtime/engine";
import type { Flow } from "@/runtime/definition/schema";
import { nobodyElseMessage, someoneElseHolds } from "./nobodyElse";

export interface InboxFilter {
  status?: "open" | "claimed" | "mine";
  search?: string;
}

export interface InboxItem {
  taskId: string;
  label: string;
  role: string;
  status: string;
  dueDate: string | null;
  /** The case's own deadline (办结期限), when it has one. */
  caseDueDate: string | null;
  /** Past its due date on the case clock (China time). */
  overdue: boolean;
  /** Due today on the case clock (China time). */
  dueToday: boolean;
  claimedByMe: boolean;
  claimedBy: string | null;
  applicationId: string;
  caseNumber: string | null;
  serviceTitle: string;
  applicantName: string;
  officeName: string;
  createdAt: Date;
  /** Set when the user may not do the step (不相容岗位分离) and no one else at the office can: why the case is stuck. */
  stuckReason: string | null;
}


/**
 * Leaves out the tasks the user may not do because they did the case's previous step
 * (不相容岗位分离) — unless no one else at the office holds the step's role: such a task stays,
 * marked stuck, so the case is not silently left unworked. Only cases at a step marked for it
 * have their state read.
 */
async function withoutBarred<T extends { id: string; nodeId: string; role: string; officeId: string; application: { id: string; serviceVersionId: string } }>(
  db: Db,
  user: SessionUser,
  tasks: T[],
): Promise<(T & { stuckReason: string | null })[]> {
  const flows = new Map<string, Flow>();
  for (const versionId of new Set(tasks.map((t) => t.application.serviceVersionId))) flows.set(versionId, (await pinnedDefinition(db, versionId)).flow);
  const separated = new Set(tasks.filter((t) => flows.get(t.application.serviceVersionId)?.nodes.some((n) => n.id === t.nodeId && n.type === "task" && n.separateFromPrevious)));
  const free = (t: T) => ({ ...t, stuckReason: null });
  if (separated.size === 0) return tasks.map(free);
  const states = new Map(
    (await db.application.findMany({ where: { id: { in: [...separated].map((t) => t.application.id) } }, select: { id: true, engineState: true } })).map((a) => [a.id, a.engineState as CaseState | null]),
  );
  const offered: (T & { stuckReason: string | null })[] = [];
  const othersAt = new Map<string, boolean>();
  for (const t of tasks) {
    const engineTaskId = t.id.slice(t.application.id.length + 1);
    if (!separated.has(t) || barredActorOfTask(flows.get(t.application.serviceVersionId)!, states.get(t.application.id) ?? null, engineTaskId) !== user.id) {
      offered.push(free(t));
      continue;
    }
    const key = `${t.officeId}:${t.role}`;
    if (!othersAt.has(key)) othersAt.set(key, await someoneElseHolds(db, t.officeId, t.role, user.id));
    if (!othersAt.get(key)) offered.push({ ...t, stuckReason: nobodyElseMessage(t.role) });
  }
  return offered;
}

export async function listInbox(db: Db, user: SessionUser, filter: InboxFilter = {}): Promise<InboxItem[]> {
  const scopes = workScopes(user);
  if (scopes.length === 0) return [];
  const statusWhere =
    filter.status === "mine"
      ? { status: "claimed", claimedById: user.id }
      : filter.status
        ? { status: filter.status }
        : { status: { in: ["open", "claimed"] } };
  const tasks = await db.task.findMany({
    where: {
      OR: scopes.map((s) => ({ officeId: s.officeId, role: s.role })),
      ...statusWhere,
      ...(filter.search
        ? {
            application: {
              OR: [
                { caseNumber: { contains: filter.search } },
                { service: { title: { contains: filter.search } } },
                { applicant: { displayName: { contains: filter.search } } },
              ],
            },
          }
        : {}),
    },
    orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    take: 200,
    include: {
      application: {
        select: {
          id: true,
          caseNumber: true,
          serviceVersionId: true,
          dueDate: true,
          service: { select: { title: true } },
          applicant: { select: { displayName: true } },
          office: { select: { name: true } },
        },
      },
    },
  });
  const offered = await withoutBarred(db, user, tasks);
  const claimers = await displayNames(db, offered.map((t) => t.claimedById));
  const today = chinaDateOf(caseNow());
  return offered.map((t) => ({
    taskId: t.id,
    label: t.label,
    role: t.role,
    status: t.status,
    dueDate: t.dueDate,
    caseDueDate: t.application.dueDate,
    overdue: t.dueDate !== null && t.dueDate < today,
    dueToday: t.dueDate === today,
    claimedByMe: t.claimedById === user.id,
    claimedBy: t.claimedById ? (claimers.get(t.claimedById) ?? null) : null,
    applicationId: t.application.id,
    caseNumber: t.application.caseNumber,
    serviceTitle: t.application.service.title,
    applicantName: t.application.applicant.displayName,
    officeName: t.application.office.name,
    createdAt: t.createdAt,
    stuckReason: t.stuckReason,
  }));
}
