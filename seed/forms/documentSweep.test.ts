/**
 * Robustness on real noise: every 60-line window of the whole document (tables cut in half,
 * headings, prose, OCR of screenshots …) must become a form that compiles as strict draft-07
 * and accepts its generated sample. `formFromBlock` never throws.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { form as formContract } from "@/runtime/definition/schema";
import { createAjv } from "@/runtime/forms/ajv";
import { sampleFormData } from "@/runtime/forms/sample";
import { formFromBlock } from "./fromBlock";

const DOCUMENT = fileURLToPath(new URL("../source/000_f296b97e2ab141b6.txt", import.meta.url));
const WINDOW = 60;

describe("the whole document, window by window", () => {
  it("yields valid, fillable forms for every window", () => {
    const lines = readFileSync(DOCUMENT, "utf8").split("\n");
    const ajv = createAjv({ strict: true });
    const failures: string[] = [];
    let windows = 0;
    for (let first = 1; first <= lines.length; first += WINDOW) {
      windows++;
      const block = {
        id: `window-${first}`,
        title: lines[first - 1].slice(0, 30),
        lines: lines.slice(first - 1, first - 1 + WINDOW).map((text, i) => ({ no: first + i, text })),
      };
      try {
        const form = formContract.parse(formFromBlock(block));
        const validate = ajv.compile(form.schema);
        if (!validate(sampleFormData(form.schema))) {
          failures.push(`${first}: ${JSON.stringify(validate.errors).slice(0, 200)}`);
        }
      } catch (error) {
        failures.push(`${first}: threw ${(error as Error).message.slice(0, 200)}`);
      }
    }
    expect(windows).toBeGreaterThan(300);
    expect(failures).toEqual([]);
  });
});
