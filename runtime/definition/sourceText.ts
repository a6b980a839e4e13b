/** Lines of the source document a service definition was extracted from, as the designer shows them. */
import type { LineRange } from "./schema";

export interface SourceText {
  document: string;
  first: number;
  last: number;
  /** Lines first..last, in order. */
  lines: string[];
  parts: Record<string, LineRange>;
}
