/**
 * A random sample that can be drawn again: every case of the population is ranked by
 * sha256(seed:caseId), and the `size` lowest ranks are the sample, in rank order. The seed is
 * random and recorded with the sample, so anyone can recompute the draw from the seed and the
 * population (the order in which cases are read does not matter).
 */
import "server-only";
import { createHash, randomBytes } from "node:crypto";

export function newSeed(): string {
  return randomBytes(16).toString("hex");
}

export function rankOf(seed: string, caseId: string): string {
  return createHash("sha256").update(`${seed}:${caseId}`).digest("hex");
}

export function drawSample(seed: string, caseIds: readonly string[], size: number): string[] {
  return caseIds
    .map((id) => ({ id, rank: rankOf(seed, id) }))
    .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0))
    .slice(0, Math.max(0, size))
    .map((c) => c.id);
}
