/** Staff roles held per organisation, and what each may see. */
export const staffRoles = ["region_admin", "office_admin", "caseworker", "reviewer", "auditor"] as const;
export type StaffRole = (typeof staffRoles)[number];

export type UserKind = "staff" | "person" | "organisation";

export interface MembershipView {
  organisationId: string;
  organisationName: string;
  organisationLevel: "region" | "league" | "banner";
  role: StaffRole;
}

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  kind: UserKind;
  memberships: MembershipView[];
  /** What an applicant's account says of them (resident ID, credit code, phone). */
  facts?: { idNumber: string | null; creditCode: string | null; phone: string | null };
}

export type Area = "hall" | "workbench" | "dashboard" | "designer" | "calendar" | "accounts";

/** Which areas of the product a user's navigation shows. */
export function areasFor(user: SessionUser | null): Area[] {
  if (!user) return ["hall"];
  if (user.kind !== "staff") return ["hall"];
  const roles = new Set(user.memberships.map((m) => m.role));
  const areas: Area[] = [];
  const works = roles.has("caseworker") || roles.has("reviewer");
  if (works) areas.push("workbench");
  if (roles.has("region_admin") || roles.has("office_admin")) areas.push("designer");
  // Region and league administrators supervise the cases below them (read-only) after designing.
  if (!works && supervisedOffices(user).length > 0) areas.push("workbench");
  // 统计分析: whoever reads cases sees the figures of the same offices.
  if (readsCases(user)) areas.push("dashboard");
  if (roles.has("region_admin")) areas.push("calendar");
  if (roles.has("region_admin") || roles.has("office_admin")) areas.push("accounts");
  return areas;
}

export function hasRole(user: SessionUser, roles: readonly StaffRole[], organisationId?: string): boolean {
  return user.memberships.some(
    (m) => roles.includes(m.role) && (organisationId === undefined || m.organisationId === organisationId),
  );
}

/**
 * 监督: the offices whose cases a user sees read-only with everything below them — the region and
 * league offices where they hold any staff role. Banner staff supervise nothing.
 */
export function supervisedOffices(user: SessionUser): string[] {
  if (user.kind !== "staff") return [];
  return [...new Set(user.memberships.filter((m) => m.organisationLevel === "region" || m.organisationLevel === "league").map((m) => m.organisationId))];
}

/** Whether a user has cases to see: caseworkers and reviewers (their offices'), and supervisors (the offices below them). */
export function readsCases(user: SessionUser): boolean {
  return user.kind === "staff" && (hasRole(user, ["caseworker", "reviewer"]) || supervisedOffices(user).length > 0);
}

/** 稽核人员: the organisations (region, league) whose offices, with everything below them, a user audits (内控稽核). */
export function auditedOrganisations(user: SessionUser): string[] {
  if (user.kind !== "staff") return [];
  return [...new Set(user.memberships.filter((m) => m.role === "auditor" && m.organisationLevel !== "banner").map((m) => m.organisationId))];
}
