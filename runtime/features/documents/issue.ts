/**
 * Issuing formal documents: every `issueDocument` effect of a case event becomes an
 * `IssuedDocument` row in the event's transaction, with its number (文号: the office, a word
 * for the kind, the year and a sequence per office, kind and year — unique across instances,
 * from the `Counter` row) and a random verification code (the QR code on the printed document
 * opens /verify/<code>). The facts filled into the text (reason, correction items, outcome,
 * amount) are kept with it, so the document reads the same whenever it is printed.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import type { SqlTx } from "@/runtime/db";
import { newId } from "@/runtime/db/ids";
import { chinaDateOf } from "@/runtime/calendar";
import type { CaseState, Effect } from "@/runtime/engine";
import { documentTemplateOf, outcomeDocumentKind } from "@/runtime/definition/documents";
import type { ServiceDefinition } from "@/runtime/definition/schema";
import { nextCounter } from "../cases/caseStore";

type IssueEffect = Extract<Effect, { type: "issueDocument" }>;

/** What an issued document states besides the case's own data. */
export interface IssuedFacts {
  reason?: string;
  correctionItems?: string[];
  outcomeId?: string;
  outcomeLabel?: string;
  favourable?: boolean;
  amount?: string;
  acceptedAt?: string;
}

export interface Issued {
  id: string;
  kind: string;
  title: string;
  number: string;
  verificationCode: string;
}

/** The definition's document kind an engine document is issued as. */
export function documentKindOf(effect: IssueEffect, state: CaseState): string {
  switch (effect.document) {
    case "acceptanceReceipt":
      return "acceptance";
    case "correctionNotice":
      return "correction";
    case "refusalDecision":
      return state.acceptedAt === null ? "refusal" : "rejection";
    case "terminationNotice":
      return "termination";
    case "completionNotice":
      return "completion";
    case "decision":
      return outcomeDocumentKind(effect.outcomeId ?? "unknown");
  }
}

/** The word of a number (文号) per kind: 受 (受理), 补 (补正), 决 (决定) … */
function numberWord(kind: string): string {
  if (kind === "acceptance") return "受";
  if (kind === "correction") return "补";
  if (kind === "refusal") return "不受";
  if (kind === "termination") return "终";
  if (kind === "completion") return "结";
  return "决";
}

/** Unambiguous letters and digits (no 0/O, 1/I/L): 16 of them carry 80 random bits. */
const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

export function newVerificationCode(): string {
  const bytes = randomBytes(16);
  let code = "";
  for (const byte of bytes) code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
  return code;
}

/** A code as a person may type it (spaces, dashes, lower case) in its stored form; null when it cannot be one. */
export function normaliseVerificationCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, "").toUpperCase();
  return code.length === 16 && [...code].every((c) => CODE_ALPHABET.includes(c)) ? code : null;
}

/** 4-4-4-4 for reading aloud and typing. */
export const groupedCode = (code: string) => code.replace(/(.{4})(?=.)/g, "$1-");

const INSERT =
  'INSERT INTO "IssuedDocument" ("id", "applicationId", "officeId", "kind", "title", "number", "verificationCode", "issuedAt", "facts") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)';

/** Writes a row for each document the event's effects issue. */
export async function issueDocuments(
  sql: SqlTx,
  input: {
    applicationId: string;
    officeId: string;
    state: CaseState;
    effects: readonly Effect[];
    definition: Pick<ServiceDefinition, "flow" | "documents">;
    at: string;
  },
): Promise<Map<IssueEffect, Issued>> {
  const issued = new Map<IssueEffect, Issued>();
  const { state, effects } = input;
  const year = chinaDateOf(input.at).slice(0, 4);
  for (const effect of effects) {
    if (effect.type !== "issueDocument") continue;
    const kind = documentKindOf(effect, state);
    const title = documentTemplateOf(input.definition, kind)?.title ?? effect.title;
    const word = numberWord(kind);
    const sequence = await nextCounter(sql, `document:${input.officeId}:${word}:${year}`);
    const number = `${input.officeId}人社${word}〔${year}〕${String(sequence).padStart(5, "0")}号`;
    const facts: IssuedFacts = {};
    if (effect.reason) facts.reason = effect.reason;
    if (state.acceptedAt) facts.acceptedAt = state.acceptedAt;
    if (effect.document === "correctionNotice") {
      const notice = effects.find((e) => e.type === "notify" && e.correctionItems);
      if (notice?.type === "notify") facts.correctionItems = notice.correctionItems;
    }
    if (effect.document === "decision" && state.decision) {
      facts.outcomeId = state.decision.outcomeId;
      facts.outcomeLabel = state.decision.label;
      facts.favourable = state.decision.favourable;
      if (state.decision.amount) facts.amount = state.decision.amount;
    }
    const row: Issued = { id: newId(), kind, title, number, verificationCode: newVerificationCode() };
    await sql.queue(INSERT, [row.id, input.applicationId, input.officeId, kind, title, number, row.verificationCode, sql.time(new Date(input.at)), JSON.stringify(facts)]);
    issued.set(effect, row);
  }
  return issued;
}
