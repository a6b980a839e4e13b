import { describe, expect, it } from "vitest";
import { createSchemaUtils, type RJSFSchema, type SchemaUtilsType } from "@rjsf/utils";
import { readTemplates } from "@/seed/loadTemplates";
import { FORM_STATE_BEHAVIOUR } from "./formState";
import { formValidatorFor } from "./rjsfValidator";
import { attestationModeOf, attestationSchema, withoutUngivenTicks } from "./attestation";

type Json = Record<string, unknown>;

/** A generated application form in small: identity blocks with a condition, a required signature. */
const schema: Json = {
  type: "object",
  properties: {
    filingMode: { type: "string", enum: ["本人申请", "代他人申请"], default: "本人申请" },
    applicant: {
      type: "object",
      properties: { name: { type: "string", title: "姓名" }, idNumber: { type: "string", title: "公民身份号码" }, address: { type: "string", title: "联系地址" } },
      required: ["name", "idNumber"],
    },
    declaration: attestationSchema("申请人签字", "signature", { required: true, dated: false }),
    seal: attestationSchema("单位（章）", "seal", { required: false, dated: true }),
  },
  required: ["filingMode", "applicant", "declaration"],
  allOf: [
    {
      if: { properties: { filingMode: { const: "代他人申请" } }, required: ["filingMode"] },
      then: { properties: { agent: { type: "object", properties: { name: { type: "string" } } } }, required: ["agent"] },
    },
  ],
};

function setAt(data: Json, path: string[], value: unknown): Json {
  const out = structuredClone(data);
  let node = out;
  for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Json;
  node[path.at(-1)!] = value;
  return out;
}

/**
 * What rjsf's Form does with its state: on load, the defaults filled into the given data; on a
 * change to one field, the defaults filled again and the data sanitised for the retrieved schema
 * (`Form.processChange` → `getStateFromProps`, which sanitises when the schema holds conditions).
 */
class FormState {
  private readonly utils: SchemaUtilsType;
  data: Json;
  private retrieved: RJSFSchema;
  constructor(private readonly root: Json, given: unknown) {
    this.utils = createSchemaUtils(formValidatorFor(root), root as RJSFSchema, FORM_STATE_BEHAVIOUR);
    this.data = this.utils.getDefaultFormState(root as RJSFSchema, withoutUngivenTicks(root, given) as Json) as Json;
    this.retrieved = this.utils.retrieveSchema(root as RJSFSchema, this.data);
  }
  change(path: string[], value: unknown): this {
    const filled = this.utils.getDefaultFormState(this.root as RJSFSchema, setAt(this.data, path, value)) as Json;
    const retrieved = this.utils.retrieveSchema(this.root as RJSFSchema, filled);
    this.data = this.utils.sanitizeDataForNewSchema(retrieved, this.retrieved, filled) as Json;
    this.retrieved = retrieved;
    return this;
  }
}

const signedOf = (data: Json, key: string) => (data[key] as Json | undefined)?.signed;

describe("the attestation box is ticked only by the person", () => {
  it("stays unticked on load and when other fields are typed in", () => {
    const form = new FormState(schema, {});
    expect(signedOf(form.data, "declaration")).not.toBe(true);
    form.change(["applicant", "idNumber"], "15010219900307123");
    expect(signedOf(form.data, "declaration")).not.toBe(true);
    form.change(["applicant", "address"], "呼和浩特市");
    form.change(["applicant", "name"], "张三");
    expect(signedOf(form.data, "declaration")).not.toBe(true);
    expect(signedOf(form.data, "seal")).not.toBe(true);
  });

  it("stays unticked for a draft saved with an unticked box (`signed: false`)", () => {
    const form = new FormState(schema, { applicant: { name: "张三" }, declaration: { signed: false, name: "张三" }, seal: { signed: false } });
    expect(signedOf(form.data, "declaration")).not.toBe(true);
    form.change(["applicant", "address"], "呼和浩特市");
    expect(signedOf(form.data, "declaration")).not.toBe(true);
    expect(signedOf(form.data, "seal")).not.toBe(true);
    expect((form.data.declaration as Json).name).toBe("张三");
  });

  it("keeps a tick the person gave, with its date", () => {
    const form = new FormState(schema, { declaration: { signed: true, name: "张三", date: "2026-09-30" } });
    form.change(["applicant", "address"], "呼和浩特市");
    expect(form.data.declaration).toEqual({ signed: true, name: "张三", date: "2026-09-30" });
  });

  it("in the seeded forms whose signature is required (s112, s074), typing in every other field ticks nothing", () => {
    for (const def of readTemplates().filter((d) => d.code === "s112" || d.code === "s074")) {
      for (const f of def.forms) {
        const root = f.schema as Json;
        const properties = root.properties as Record<string, Json>;
        const attestations = Object.keys(properties).filter((k) => attestationModeOf(properties[k]));
        const form = new FormState(root, {});
        const applicant = properties.applicant?.properties as Record<string, Json> | undefined;
        for (const key of Object.keys(applicant ?? {})) {
          if (applicant![key].type === "string" && !applicant![key].enum) form.change(["applicant", key], "1");
          for (const a of attestations) expect(signedOf(form.data, a), `${def.code} ${a} after applicant.${key}`).not.toBe(true);
        }
      }
    }
  });
});

describe("withoutUngivenTicks", () => {
  it("drops a must-tick box that is not ticked, wherever the attestation sits", () => {
    const nested: Json = {
      type: "object",
      properties: {
        section: { type: "object", properties: { sign: attestationSchema("本人签名", "signature", { required: true, dated: true }) } },
        rows: { type: "array", items: { type: "object", properties: { sign: attestationSchema("签字", "signature", { required: false, dated: false }) } } },
        consent: { type: "boolean", const: true, title: "本人承诺" },
        plain: { type: "boolean", title: "是否" },
      },
    };
    const data = {
      section: { sign: { signed: false, name: "张三" } },
      rows: [{ sign: { signed: false } }, { sign: { signed: true, name: "李四" } }],
      consent: false,
      plain: false,
    };
    expect(withoutUngivenTicks(nested, data)).toEqual({
      section: { sign: { name: "张三" } },
      rows: [{ sign: {} }, { sign: { signed: true, name: "李四" } }],
      plain: false,
    });
    expect(data.section.sign.signed).toBe(false); // a copy
    expect(withoutUngivenTicks(nested, undefined)).toBeUndefined();
  });
});
