/**
 * Shared types of the seed parsers (pure, no I/O). The document is read once by the
 * build script; parsers receive line accessors and return contract objects.
 */
import type {
  FormDefinition,
  ServiceDefinition,
  LineRange,
} from "@/runtime/definition/schema";
import type { z } from "zod";
import type { appendix } from "@/runtime/definition/schema";

/** One row of ENTRIES.tsv */
export interface EntryRow {
  seq: number;
  part: string;
  group: string;
  titleInBody: string;
  titleInToc: string;
  layout: string;
  firstLine: number;
  lastLine: number;
  note: string;
}

/** A line of the document with its 1-based number. */
export interface SourceLine {
  no: number;
  text: string;
}

/** The text of one item, with the whole document's lines reachable by number. */
export interface ItemText {
  entry: EntryRow;
  /** lines[first..last] of the item, numbered */
  lines: SourceLine[];
  /** The source document file name (for `source.document`). */
  document: string;
}

/** A form block found by a family parser: its title and its raw lines (table rows, text). */
export interface FormBlock {
  id: string;
  title: string;
  lines: SourceLine[];
}

export type FormFromBlock = (block: FormBlock) => FormDefinition;

export type Appendix = z.infer<typeof appendix>;

/** Something the text has that the parser did not turn into structure (for the coverage report). */
export interface Unextracted {
  label: string;
  range: LineRange;
}

export interface ParseResult {
  services: ServiceDefinition[];
  /** Items that are not services of their own, to attach to the service with `targetSeq`/`targetCode`. */
  attachments: { targetSeq: number; targetCode?: string; appendix: Appendix }[];
  unextracted: Unextracted[];
}

export type FamilyParser = (item: ItemText) => ParseResult;
