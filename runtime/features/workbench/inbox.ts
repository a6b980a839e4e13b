/** The caseworker's inbox: open tasks of their own offices, for the roles they hold there. */
import "server-only";
import type { Db } from "@/runtime/db";
import type { SessionUser } from "@/runtime/auth/roles";
import { chinaDateOf } from "@/runtime/calendar";
import { caseNow } from "@/runtime/clock";
import { displayNames } from "../users/displayNames";
import { workScopes } from "../cases/access";
import { pinnedDefinition } from "../cases/definitions";
import { barredActorOfTask, type CaseState } from "@/runtime/engine";

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
  claimedByMe: boolean;
  claimedBy: string | null;
  applicationId: string;
  caseNumber: string | null;
  serviceTitle: string;
  applicantName: string;
  officeName: string;
  createdAt: Date;
}


/** Leaves out the tasks the user may not do because they did the case's previous step (不相容岗位分离). */
async function withoutBarred<T extends { id: string; application: { id: string; serviceVersionId: string; engineState: unknown } }>(
  db: Db,
  user: SessionUser,
  tasks: T[],
): Promise<T[]> {
  const kept: T[] = [];
  for (const task of tasks) {
    const { application } = task;
    const flow = (await pinnedDefinition(db, application.serviceVersionId)).flow;
    const engineTaskId = task.id.slice(application.id.length + 1);
    if (barredActorOfTask(flow, application.engineState as CaseState | null, engineTaskId) !== user.id) kept.push(task);
  }
  return kept;
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
    orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
    take: 200,
    include: {
      application: {
        select: {
          id: true,
          caseNumber: true,
          serviceVersionId: true,
          engineState: true,
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
    claimedByMe: t.claimedById === user.id,
    claimedBy: t.claimedById ? (claimers.get(t.claimedById) ?? null) : null,
    applicationId: t.application.id,
    caseNumber: t.application.caseNumber,
    serviceTitle: t.application.service.title,
    applicantName: t.application.applicant.displayName,
    officeName: t.application.office.name,
    createdAt: t.createdAt,
  }));
}
