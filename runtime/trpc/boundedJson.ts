/**
 * Bounds for free-form JSON inputs (applicants' form data, designers' draft definitions): how deep
 * and how large, so that a 10,000-level object or a megabyte string inside is refused as bad input
 * before any code walks it recursively (Prisma's JSON serialisation, the lint, office-use stripping).
 * The walk itself is iterative.
 */
import type { z } from "zod";

export interface JsonBounds {
  /** What the value is, for the message ("表单数据"). */
  what: string;
  maxDepth: number;
  /** Characters of its JSON text, estimated from keys, strings and scalars. */
  maxChars: number;
}

/** "depth" or "size" when `value` passes a bound, otherwise null. */
export function jsonBeyond(value: unknown, bounds: Omit<JsonBounds, "what">): "depth" | "size" | null {
  const stack: [unknown, number][] = [[value, 1]];
  let chars = 0;
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current === "string") chars += current.length + 2;
    else if (current === null || typeof current !== "object") chars += 8;
    else {
      if (depth > bounds.maxDepth) return "depth";
      chars += 2;
      if (Array.isArray(current)) {
        for (const item of current) stack.push([item, depth + 1]);
      } else {
        for (const [key, item] of Object.entries(current)) {
          chars += key.length + 4;
          stack.push([item, depth + 1]);
        }
      }
    }
    if (chars > bounds.maxChars) return "size";
  }
  return null;
}

/** `schema`, refusing values deeper or larger than `bounds` with a Chinese message. */
export function boundedJson<T extends z.ZodType>(schema: T, bounds: JsonBounds) {
  return schema.superRefine((value, ctx) => {
    const beyond = jsonBeyond(value, bounds);
    if (beyond === "depth") ctx.addIssue({ code: "custom", message: `${bounds.what}嵌套过深（最多 ${bounds.maxDepth} 层）` });
    if (beyond === "size") ctx.addIssue({ code: "custom", message: `${bounds.what}内容过多（最多约 ${Math.round(bounds.maxChars / 1024)} KB）` });
  });
}
