/** Applicant pages: sign in first (back to the same page afterwards). */
import { redirect } from "next/navigation";
import { currentUser } from "@/app/_lib/session";

export async function requireApplicant(path: string) {
  const user = await currentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(path)}`);
  return { user, allowed: user.kind !== "staff" };
}
