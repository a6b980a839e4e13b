/**
 * The applicant's drafts of a service not yet submitted (未提交的草稿): the apply page offers to go
 * on with one before starting another, so a second click on 在线办理 does not leave a second draft.
 */
import "server-only";
import type { Db } from "@/runtime/db";
import type { SessionUser } from "@/runtime/auth/roles";

export interface OpenDraft {
  id: string;
  officeName: string;
  updatedAt: Date;
}

export async function openDrafts(db: Db, user: SessionUser, code: string): Promise<OpenDraft[]> {
  const rows = await db.application.findMany({
    where: { applicantId: user.id, status: "draft", service: { code } },
    orderBy: { updatedAt: "desc" },
    take: 20,
    select: { id: true, updatedAt: true, office: { select: { name: true } } },
  });
  return rows.map((row) => ({ id: row.id, officeName: row.office.name, updatedAt: row.updatedAt }));
}
