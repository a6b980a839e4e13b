/**
 * Legal basis of the minor layouts: A's citation reader (legalBasisFromParagraphs) with citations
 * chained in one paragraph (`《A》（…）和《B》（…）`) split and the same document merged.
 */
import type { Guide } from "@/runtime/definition/schema";
import { legalBasisFromParagraphs, parseCitation } from "../legalBasis";
import type { Paragraph } from "../text/paragraphs";

type LegalBasisItem = Guide["legalBasis"][number];

/** A clause that goes on with a further citation: `和《B》（文号）…`, `及《C》…`. */
const NEXT_CITATION_RE = /^(?:和|及|以及|、|，)\s*(?=[^。；]{0,30}《)/;

/** Splits an item whose clause starts another citation (`《A》（…）和《B》（…）`) into one item each. */
function splitChained(item: LegalBasisItem): LegalBasisItem[] {
  const clause = item.clause ?? "";
  const next = NEXT_CITATION_RE.exec(clause);
  if (!next) return [item];
  const following = parseCitation(clause.slice(next[0].length));
  const own: LegalBasisItem = { ...item };
  delete own.clause;
  return following ? [own, ...splitChained(following)] : [item];
}

/**
 * Legal basis of a section's paragraphs with A's citation reader (legalBasisFromParagraphs),
 * citations chained in one paragraph (`《A》（…）和《B》（…）`) split, duplicates merged.
 */
export function legalBasisOf(paragraphs: Paragraph[]): LegalBasisItem[] {
  const items = legalBasisFromParagraphs(paragraphs);
  return mergeLegalBasis(items.flatMap(splitChained));
}

/** Citations of several separate groups (each read on its own), duplicates merged. */
export function legalBasisOfGroups(groups: Paragraph[][]): LegalBasisItem[] {
  return mergeLegalBasis(groups.filter((group) => group.length > 0).flatMap((group) => legalBasisOf(group)));
}

/** Merges citations of the same document (title + 文号), joining their clauses. */
export function mergeLegalBasis(items: LegalBasisItem[]): LegalBasisItem[] {
  const merged: LegalBasisItem[] = [];
  for (const item of items) {
    const same = merged.find((known) => known.title === item.title && (known.docNo ?? "") === (item.docNo ?? ""));
    if (!same) merged.push(item);
    else if (item.clause && !same.clause?.includes(item.clause)) same.clause = same.clause ? `${same.clause}；${item.clause}` : item.clause;
  }
  return merged;
}
