import { describe, expect, it } from "vitest";
import { OFFICE_USE_FIELD, hasOfficeUse, hideOfficeUse, isOfficeUseUi } from "./officeUse";

describe("office-use fields in the applicant's form", () => {
  const ui = {
    "ui:order": ["f01_seal", "f02", "f10_signature"],
    f01_seal: { "ui:options": { attestation: "seal" } },
    f02: { f01: { "ui:options": { officeUse: true } }, f02: { "ui:widget": "textarea" } },
    f10_signature: { "ui:options": { attestation: "signature", officeUse: true }, signed: { "ui:widget": "checkbox" } },
    list: { items: { f03: { "ui:options": { officeUse: true } } } },
  };

  it("renders each office-use entry with the hidden field, leaving the rest as it was", () => {
    const hidden = hideOfficeUse(ui);
    expect(hidden.f01_seal).toEqual(ui.f01_seal);
    expect(hidden["ui:order"]).toEqual(ui["ui:order"]);
    expect((hidden.f02 as Record<string, unknown>).f01).toEqual({ "ui:options": { officeUse: true }, "ui:field": OFFICE_USE_FIELD, "ui:widget": "hidden" });
    expect((hidden.f02 as Record<string, unknown>).f02).toEqual({ "ui:widget": "textarea" });
    expect((hidden.f10_signature as Record<string, unknown>)["ui:field"]).toBe(OFFICE_USE_FIELD);
    expect(((hidden.list as { items: Record<string, Record<string, unknown>> }).items.f03)["ui:field"]).toBe(OFFICE_USE_FIELD);
    expect(ui.f10_signature).not.toHaveProperty("ui:field"); // a copy
  });

  it("finds the marks", () => {
    expect(isOfficeUseUi(ui.f10_signature)).toBe(true);
    expect(isOfficeUseUi(ui.f01_seal)).toBe(false);
    expect(hasOfficeUse(ui)).toBe(true);
    expect(hasOfficeUse({ f01: { "ui:widget": "textarea" } })).toBe(false);
    expect(hideOfficeUse(undefined)).toEqual({});
  });
});
