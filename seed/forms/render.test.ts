import { describe, expect, it } from "vitest";
import { validateFormData } from "@/runtime/forms/validate";
import { formFromBlock } from "./fromBlock";
import { hasRequiredFields, renderFormHtml, rjsfErrors, sampleFormData } from "@/tests/support/renderForm";
import { TEST_BLOCKS } from "@/tests/support/formBlocks";

const forms = TEST_BLOCKS.map((block) => ({ id: block.id, form: formFromBlock(block) }));

describe("the test blocks", () => {
  it("all ask for something, but the outline template (sections to write freely)", () => {
    expect(forms.length).toBeGreaterThan(10);
    expect(forms.filter(({ form }) => !hasRequiredFields(form.schema)).map(({ id }) => id)).toEqual(["feasibilityOutline"]);
  });
});

describe.each(forms.map(({ id, form }) => [id, form] as const))("%s renders and accepts a filled-in example", (_id, form) => {
  const sample = sampleFormData(form.schema);

  it("renders with @rjsf/core (react-dom/server)", () => {
    const html = renderFormHtml(form, sample);
    expect(html).toContain("<form");
    expect(html).toContain(form.title.replace(/&/g, "&amp;"));
    expect(html).not.toMatch(/Unsupported field schema|No widget/);
  });

  it("the rjsf validator and the server accept the generated sample", () => {
    expect(rjsfErrors(form, sample)).toEqual([]);
    expect(validateFormData(form, sample)).toEqual({ ok: true });
  });

  if (hasRequiredFields(form.schema)) {
    it("refuses a blank submission, naming what is missing", () => {
      const errors = rjsfErrors(form, {});
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((m) => /：(必填|请勾选确认)$/.test(m)), errors.join("\n")).toBe(true);
      expect(validateFormData(form, {}).ok).toBe(false);
    });
  } else {
    it("accepts a blank submission (nothing on it is required)", () => {
      expect(rjsfErrors(form, {})).toEqual([]);
      expect(validateFormData(form, {})).toEqual({ ok: true });
    });
  }
});

describe("attestations in the browser form", () => {
  it("render as a tick box that is not pre-ticked", () => {
    const form = formFromBlock(TEST_BLOCKS.find((b) => b.id === "arbitrationApplication")!);
    const html = renderFormHtml(form, {});
    const signed = /<input[^>]*type="checkbox"[^>]*id="root_f\d{2}_applicant_signed"[^>]*>/.exec(html)?.[0] ?? "";
    expect(signed).not.toBe("");
    expect(signed).not.toContain("checked");
  });
});
