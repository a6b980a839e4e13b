/** Loads a case document for the signed-in user (applicant or the office's staff). */
import "server-only";
import { redirect } from "next/navigation";
import { getDb } from "@/runtime/db";
import { AppError } from "@/runtime/errors";
import { caseDocument, type DocumentKind } from "@/runtime/features/applications/documents";
import { currentUser } from "@/app/_lib/session";

export type LoadedDocument = Awaited<ReturnType<typeof caseDocument>>;

export async function loadDocument(id: string, kind: DocumentKind): Promise<{ doc: LoadedDocument; staff: boolean } | { error: string; staff: boolean }> {
  const user = await currentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(`/documents/${id}/${kind}`)}`);
  const staff = user.kind === "staff";
  try {
    return { doc: await caseDocument(getDb(), user, id, kind), staff };
  } catch (error) {
    if (error instanceof AppError) return { error: error.message, staff };
    throw error;
  }
}
