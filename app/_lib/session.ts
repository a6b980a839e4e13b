/** The signed-in user for server components (reads the session cookie). */
import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/runtime/db";
import { SESSION_COOKIE, cookieName } from "@/runtime/auth/cookies";
import { resolveSession } from "@/runtime/auth/session";
import { areasFor, type Area, type SessionUser } from "@/runtime/auth/roles";

export async function currentUser(): Promise<SessionUser | null> {
  const token = (await cookies()).get(cookieName(SESSION_COOKIE))?.value;
  const session = await resolveSession(getDb(), token);
  return session?.user ?? null;
}

/** The user for a page of `area`; redirects to sign-in, or returns null when the role does not allow it. */
export async function requireArea(area: Area, path: string): Promise<{ user: SessionUser; allowed: boolean }> {
  const user = await currentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(path)}`);
  return { user, allowed: areasFor(user).includes(area) };
}
