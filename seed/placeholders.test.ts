/** Placeholders of the seeded forms show a sample value, never a leftover mark (`)`, `：`). */
import { describe, expect, it } from "vitest";
import { seededTemplates } from "@/tests/support/seededTemplates";

function placeholders(ui: unknown, out: string[] = []): string[] {
  if (!ui || typeof ui !== "object") return out;
  for (const [key, value] of Object.entries(ui)) {
    if (key === "ui:placeholder" && typeof value === "string") out.push(value);
    else placeholders(value, out);
  }
  return out;
}

describe("seeded form placeholders", () => {
  it("hold a letter or a digit", () => {
    let checked = 0;
    for (const def of seededTemplates()) {
      for (const form of def.forms) {
        for (const p of placeholders(form.uiSchema)) {
          expect(p, `${def.code} ${form.title}`).toMatch(/[\p{L}\p{N}]/u);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
