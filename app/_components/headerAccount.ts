/**
 * What the site header shows of the signed-in user (pure: built on the server for pages rendered
 * per user, and in the browser for the pages every visitor shares — see SiteHeader).
 */
import { areasFor, type Area, type SessionUser } from "@/runtime/auth/roles";
import { staffRoleLabels } from "@/runtime/definition/labels";

export interface HeaderAccount {
  displayName: string;
  /** 个人用户 / 单位用户 / the organisation and role of staff. */
  identity: string;
  /** People and organisations have 我的办件; staff do not. */
  applicant: boolean;
  /** Unread messages (消息). */
  unread: number;
  areas: Area[];
}

function identity(user: SessionUser): string {
  if (user.kind === "person") return "个人用户";
  if (user.kind === "organisation") return "单位用户";
  const m = user.memberships[0];
  return m ? `${m.organisationName} · ${staffRoleLabels[m.role]}` : "工作人员";
}

export function headerAccount(user: SessionUser, unread: number): HeaderAccount {
  return { displayName: user.displayName, identity: identity(user), applicant: user.kind !== "staff", unread, areas: areasFor(user) };
}
