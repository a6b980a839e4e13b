/** An item's value as text for a comparison: strings as they are, absence said, anything else as indented JSON. */
export function displayValue(value: unknown): string {
  if (value === undefined) return "（没有此项）";
  if (typeof value === "string") return value || "（空）";
  return JSON.stringify(value, null, 2);
}
