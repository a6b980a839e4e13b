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
          dueDate: true,
          service: { select: { title: true } },
          applicant: { select: { displayName: true } },
          office: { select: { name: true } },
        },
      },
    },
  });
  const claimers = await displayNames(db, tasks.map((t) => t.claimedById));
  const today = chinaDateOf(caseNow());
  return tasks.map((t) => ({
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
  }));
}
