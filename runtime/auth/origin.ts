/** The host of an `Origin` header, or undefined when it names none (`null`, a malformed value). */
export function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).host || undefined;
  } catch {
    return undefined;
  }
}
