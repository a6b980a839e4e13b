/**
 * Asking a connector: over HTTP when the deployment configured it, from the platform's own
 * data for the platform connectors, and otherwise `notConfigured` (the caseworker checks by hand).
 */
import "server-only";
import type { Db } from "@/runtime/db";
import { connectorById } from "@/runtime/definition/connectors";
import { httpConfig } from "./config";
import { callHttp } from "./http";
import { platformCheck, platformLookup, type CaseContext } from "./platform";
import { checkResponse, lookupResponse, unavailableWords, type Answer, type CheckRequest, type CheckResponse, type LookupResponse, type Subject } from "./protocol";

export type { CaseContext } from "./platform";
export { unavailableWords, type Answer, type Subject } from "./protocol";

const notConfigured = { ok: false as const, reason: "notConfigured" as const, message: unavailableWords.notConfigured };

export function isConfigured(connectorId: string): boolean {
  const spec = connectorById.get(connectorId);
  return !!spec && (spec.kind === "platform" || httpConfig(spec) !== null);
}

export async function askCheck(db: Db, context: CaseContext, connectorId: string, request: CheckRequest): Promise<Answer<CheckResponse>> {
  const spec = connectorById.get(connectorId);
  if (!spec) return notConfigured;
  if (spec.kind === "platform") return { ok: true, value: await platformCheck(db, context, request) };
  const config = httpConfig(spec);
  return config ? callHttp(spec.id, config, "check", request, checkResponse) : notConfigured;
}

export async function askLookup(db: Db, context: CaseContext, connectorId: string, subject: Subject, need: string): Promise<Answer<LookupResponse>> {
  const spec = connectorById.get(connectorId);
  if (!spec) return notConfigured;
  if (spec.kind === "platform") return { ok: true, value: await platformLookup(db, context, connectorId, need) };
  const config = httpConfig(spec);
  return config ? callHttp(spec.id, config, "lookup", { subject, need }, lookupResponse) : notConfigured;
}
