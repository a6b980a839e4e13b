import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ServiceDefinition } from "@/runtime/definition/schema";
import { deliveryNote, resultDelivery } from "./resultDelivery";

const template = (code: string) => JSON.parse(readFileSync(path.join(import.meta.dirname, "../../seed/templates", `${code}.json`), "utf8")) as ServiceDefinition;

describe("结果送达方式 on the injury forms", () => {
  // s081: 工伤职工 form with 结果送达方式 (自取 / 短信送达) and the worker's mobile number after it.
  const forms = template("s081").forms;
  const form = forms.find((f) => JSON.stringify(f.schema).includes("结果送达方式"))!;
  const props = (form.schema as { properties: Record<string, { title?: string; format?: string }> }).properties;
  const key = (title: string) => Object.keys(props).find((k) => props[k].title === title)!;
  const deliveryKey = key("结果送达方式");
  const mobileKey = key("工伤职工手机号码");
  const contactKey = key("联系电话");

  it("finds the seeded field and the number asked for with 短信送达", () => {
    expect(deliveryKey).toBeTruthy();
    expect(mobileKey).toBeTruthy();
    const data = { [form.id]: { [deliveryKey]: ["短信送达"], [mobileKey]: "13912345678", [contactKey]: "13800000000" } };
    expect(resultDelivery(forms, data)).toEqual({ choices: ["短信送达"], smsTo: "13912345678" });
  });

  it("falls back to the form's other phone when the mobile number is left out, and sends nothing for 自取", () => {
    expect(resultDelivery(forms, { [form.id]: { [deliveryKey]: ["短信送达"], [contactKey]: "13800000000" } })?.smsTo).toBe("13800000000");
    expect(resultDelivery(forms, { [form.id]: { [deliveryKey]: ["自取"], [mobileKey]: "13912345678" } })).toEqual({ choices: ["自取"], smsTo: null });
    expect(resultDelivery(forms, { [form.id]: { [deliveryKey]: [] } })).toBeNull();
    expect(resultDelivery(forms, {})).toBeNull();
  });

  it("refuses what is not a mobile number and says so in the notice", () => {
    const delivery = resultDelivery(forms, { [form.id]: { [deliveryKey]: ["短信送达"], [mobileKey]: "12345" } });
    expect(delivery).toEqual({ choices: ["短信送达"], smsTo: null });
    expect(deliveryNote(delivery)).toContain("未填写有效的手机号码");
    expect(deliveryNote({ choices: ["自取", "短信送达"], smsTo: "13912345678" })).toBe(
      "\n结果送达：已按您选择的“短信送达”发送至 139****5678；选择“自取”的，请携带有效身份证件到办理机构领取结果文书。",
    );
    expect(deliveryNote(null)).toBe("");
  });

  it("reads the fields in the order the form shows them (ui:order), not the stored key order", () => {
    const sorted = [
      {
        id: "f",
        // Keys as PostgreSQL jsonb returns them (shorter first): the contact phone before the choice.
        schema: { type: "object", properties: { f29: { type: "array", title: "结果送达方式" }, f06_phone: { type: "string", format: "cn-phone" }, f30_mobile: { type: "string", format: "cn-phone" } } },
        uiSchema: { "ui:order": ["f06_phone", "f29", "f30_mobile", "*"] },
      },
    ];
    expect(resultDelivery(sorted, { f: { f29: ["短信送达"], f06_phone: "13800000000", f30_mobile: "13912345678" } })?.smsTo).toBe("13912345678");
  });

  it("looks into sections", () => {
    const nested = [{ id: "f", schema: { type: "object", properties: { contact: { type: "object", properties: { way: { type: "string", title: "结果送达方式" }, m: { type: "string", format: "cn-phone" } } } } } }];
    expect(resultDelivery(nested, { f: { contact: { way: "短信送达", m: "13700000000" } } })).toEqual({ choices: ["短信送达"], smsTo: "13700000000" });
  });
});
