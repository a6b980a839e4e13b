/**
 * Application forms the platform builds where the document gives no template: a service an
 * applicant files online (or whose guide names a form, or 12333 咨询) whose guide names a form without a sample (《工伤认定申请表》 “应当包括事故发生的
 * 时间、地点、原因以及职工伤害程度等基本情况”, line 10492) gets that form, built from what the
 * text says it contains; a service whose guide names no form gets a basic 申请表 (who applies,
 * how to reach them, the 受理条件 they meet, what they ask for); 12333 咨询 gets a question form.
 * Every such form carries the applicant's identity block (prefilled from the account,
 * runtime/forms/identity.ts), 代办 where people apply (the relation, a 代办人 block and a
 * 授权委托书 required only then), and one signature saying whose it is. The form is marked
 * `generated` with the lines it was built from. Pure.
 */
import type { FormDefinition, Material, ServiceDefinition } from "@/runtime/definition/schema";
import { applicantForms, filedOnline } from "@/runtime/definition/requirements";
import { attestationSchema, attestationUiSchema } from "@/runtime/forms/attestation";
import { FORMAT } from "@/runtime/forms/formats";
import { FIELD_BOUNDS } from "@/runtime/forms/schemaBounds";
import {
  APPLICANT_ORGANISATION,
  APPLICANT_PERSON,
  FILING_ON_BEHALF,
  FILING_SELF,
  IDENTITY_FORM_COMMENT,
} from "@/runtime/forms/identity";
import { DRAFT_07, type JsonSchema, type UiSchema } from "./build";
import { markPastDate } from "./pastDates";

export const GENERATED_FORM_ID = "form-apply";
export const POWER_OF_ATTORNEY_ID = "m-poa";

type Audience = "person" | "organisation" | "both";

const PERSON_WORDS = /自然人|个人|职工|人员|劳动者|公众|居民|学生|毕业生|失业|持卡人|参保人|退役|农牧民|家庭/;
const ORGANISATION_WORDS = /法人|企业|单位|组织|机关|机构|市场主体|院校/;

/** Who applies, from 服务对象 (and the title when the guide names none). */
export function audienceOf(service: ServiceDefinition): Audience {
  const text = service.guide.audience.join("、");
  const person = PERSON_WORDS.test(text);
  const organisation = ORGANISATION_WORDS.test(text);
  if (person && !organisation) return "person";
  if (organisation && !person) return "organisation";
  if (!text && /机构备案|单位|用人单位|企业/.test(service.title)) return "organisation";
  return "both";
}

/** A form the material list names without the document giving its template: `工伤认定申请表`. */
function namedForm(service: ServiceDefinition): Material | undefined {
  return service.materials.find((m) => !m.formId && /(申请|申报|登记|审批|备案|变更|信息)[^，。；]{0,12}表》?$|申请书》?$/.test(m.name.replace(/（[^）]*）$/, "")));
}

/** The contents the text lists for a named form: “应当包括事故发生的时间、地点、原因以及职工伤害程度等基本情况”. */
export function listedContents(text: string): string[] {
  const match = /(?:应当)?包括(.+?)等(?:基本情况|内容|信息|情况)?(?:[。；）]|$)/.exec(text);
  if (!match) return [];
  const items = match[1].split(/、|以及|及|和/).map((s) => s.trim()).filter(Boolean);
  // “事故发生的时间、地点、原因”: the first item's qualifier (“事故发生的”) applies to the short ones after it
  const qualifier = /^(.+的)/.exec(items[0] ?? "")?.[1];
  return items.map((item, index) => (index > 0 && qualifier && item.length <= 3 ? `${qualifier}${item}` : item));
}

function contentField(label: string): { schema: JsonSchema; ui?: UiSchema } {
  const title = label.replace(/的/g, "");
  if (/时间|日期/.test(label)) return { schema: markPastDate({ type: "string", title, format: "date" }) };
  if (/原因|程度|情况|经过|说明/.test(label)) {
    return { schema: { type: "string", title, minLength: 1, maxLength: FIELD_BOUNDS.textarea }, ui: { "ui:widget": "textarea" } };
  }
  return { schema: { type: "string", title, minLength: 1, maxLength: FIELD_BOUNDS.text } };
}

/** Where a part of the service came from, when the source records it. */
function cited(service: ServiceDefinition, ...parts: string[]): { part: string; first: number; last: number }[] {
  const ranges = service.source?.parts ?? {};
  return parts.flatMap((part) => (ranges[part] ? [{ part, ...ranges[part] }] : []));
}

const text = (title: string, required = true): JsonSchema => ({ type: "string", title, ...(required ? { minLength: 1 } : {}), maxLength: FIELD_BOUNDS.text });
const residentId = (title: string): JsonSchema => ({ type: "string", title, format: FORMAT.residentId, maxLength: 18 });
const creditCode = (title: string): JsonSchema => ({ type: "string", title, format: FORMAT.creditCode, maxLength: 18 });
const phone = (title: string): JsonSchema => ({ type: "string", title, format: FORMAT.phone, maxLength: 20 });

/** 申请人信息: a person's or an organisation's identity and how to reach them. */
function applicantBlock(audience: Audience): { schema: JsonSchema; ui: UiSchema } {
  const person = { name: text("姓名"), idNumber: residentId("公民身份号码") };
  const organisation = { organisationName: text("单位名称"), creditCode: creditCode("统一社会信用代码"), name: text("经办人姓名") };
  const contact = { phone: phone("联系电话"), address: text("联系地址", false) };
  const ui: UiSchema = {
    "ui:options": { identity: "applicant" },
    idNumber: { "ui:placeholder": "18位公民身份号码" },
    creditCode: { "ui:placeholder": "18位统一社会信用代码" },
    phone: { "ui:options": { inputType: "tel" } },
  };
  if (audience === "person") {
    return { schema: { type: "object", title: "申请人信息", properties: { ...person, ...contact }, required: ["name", "idNumber", "phone"] }, ui: { ...ui, "ui:order": ["name", "idNumber", "phone", "address"] } };
  }
  if (audience === "organisation") {
    return {
      schema: { type: "object", title: "申请单位信息", properties: { ...organisation, ...contact }, required: ["organisationName", "creditCode", "name", "phone"] },
      ui: { ...ui, "ui:order": ["organisationName", "creditCode", "name", "phone", "address"] },
    };
  }
  // the designer's conditional visibility: one field per `allOf` entry, shown on the sibling `kind`
  const shownWhen = (kind: string, key: string, schema: JsonSchema) => ({
    if: { properties: { kind: { const: kind } }, required: ["kind"] },
    then: { properties: { [key]: schema }, required: [key] },
  });
  return {
    schema: {
      type: "object",
      title: "申请人信息",
      properties: {
        kind: { type: "string", title: "申请人类型", enum: [APPLICANT_PERSON, APPLICANT_ORGANISATION] },
        name: text("姓名（单位申请的，填经办人姓名）"),
        ...contact,
      },
      required: ["kind", "name", "phone"],
      allOf: [
        shownWhen(APPLICANT_ORGANISATION, "organisationName", organisation.organisationName),
        shownWhen(APPLICANT_ORGANISATION, "creditCode", organisation.creditCode),
        shownWhen(APPLICANT_PERSON, "idNumber", person.idNumber),
      ],
    },
    ui: { ...ui, kind: { "ui:widget": "radio", "ui:options": { inline: true } }, "ui:order": ["kind", "organisationName", "creditCode", "name", "idNumber", "phone", "address"] },
  };
}

/** The relations the guide names for filing on another's behalf (工伤认定: 近亲属, 工会组织). */
function relationsOf(service: ServiceDefinition): string[] {
  const said = JSON.stringify(service.guide);
  return ["近亲属", ...(said.includes("工会") ? ["工会组织"] : []), "受委托人"];
}

/** What the applicant asks for: the named form's listed contents, a question, or the 受理条件 and a description. */
function matterBlock(service: ServiceDefinition, named: Material | undefined): { key: string; schema: JsonSchema; ui: UiSchema; from: string[]; basis: string } {
  const contents = named ? [named.note ?? "", named.name].map(listedContents).find((list) => list.length > 0) ?? [] : [];
  if (contents.length >= 2) {
    const properties: Record<string, JsonSchema> = {};
    const ui: UiSchema = {};
    const slug = (label: string, i: number) =>
      /时间|日期/.test(label) ? "time" : /地点/.test(label) ? "place" : /原因/.test(label) ? "cause" : /程度/.test(label) ? "degree" : `item${String(i + 1).padStart(2, "0")}`;
    const keys = contents.map(slug).map((key, i, all) => (all.indexOf(key) === i ? key : `item${String(i + 1).padStart(2, "0")}`));
    contents.forEach((label, i) => {
      const field = contentField(label);
      properties[keys[i]] = field.schema;
      if (field.ui) ui[keys[i]] = field.ui;
    });
    // “职工伤害程度”: the contents are about a worker, who must be named (the applicant may be the employer)
    if (contents.some((label) => label.includes("职工"))) {
      properties.workerName = text("职工姓名");
      properties.workerIdNumber = residentId("职工公民身份号码");
      keys.unshift("workerName", "workerIdNumber");
    }
    ui["ui:order"] = keys;
    return {
      key: "matter",
      schema: { type: "object", title: "基本情况", properties, required: keys },
      ui,
      from: ["materials"],
      basis: `指南列出《${named!.name.replace(/[《》]/g, "")}》应当包括的内容：${contents.join("、")}`,
    };
  }
  if (/咨询/.test(service.title)) {
    return {
      key: "question",
      schema: {
        type: "object",
        title: "咨询内容",
        properties: {
          topic: text("咨询事项", true),
          question: { type: "string", title: "咨询问题", minLength: 5, maxLength: FIELD_BOUNDS.textarea },
          reply: { type: "string", title: "希望答复方式", enum: ["电话回复", "站内消息回复"] },
        },
        required: ["topic", "question", "reply"],
      },
      ui: { question: { "ui:widget": "textarea" }, reply: { "ui:widget": "radio", "ui:options": { inline: true } }, "ui:order": ["topic", "question", "reply"] },
      from: ["guide.conditions", "guide.notes.服务内容及方式"],
      basis: "指南未附咨询登记表：按服务内容登记咨询事项、问题与答复方式",
    };
  }
  const conditions = [...new Set(service.guide.conditions.map((c) => c.trim()).filter((c) => c.length > 0 && c.length <= 300))];
  const properties: Record<string, JsonSchema> = {};
  const ui: UiSchema = {};
  if (conditions.length) {
    properties.conditions = {
      type: "array",
      title: "符合的受理条件",
      description: "请勾选您符合的条件（受理时将核实）",
      items: { type: "string", enum: conditions },
      uniqueItems: true,
      minItems: 1,
      maxItems: conditions.length,
    };
    ui.conditions = { "ui:widget": "checkboxes" };
  }
  properties.description = { type: "string", title: "申请事项说明", minLength: 1, maxLength: FIELD_BOUNDS.textarea };
  ui.description = { "ui:widget": "textarea", "ui:placeholder": `请简要说明申请“${service.title}”的事由与情况` };
  ui["ui:order"] = Object.keys(properties);
  return {
    key: "matter",
    schema: { type: "object", title: "申请事项", properties, required: Object.keys(properties) },
    ui,
    from: ["guide.conditions", "materials"],
    basis: named ? `指南列出《${named.name.replace(/[《》]/g, "")}》但未附样表：按受理条件生成` : "指南未列申请表：按受理条件生成基本申请表",
  };
}

/** The service with a generated form (and 代办's 授权委托书), when an applicant has no form to fill. */
export function withGeneratedForm(service: ServiceDefinition): ServiceDefinition {
  if (applicantForms(service).length > 0) return service;
  const named = namedForm(service);
  // filed online, or a form the guide names, or a question (12333 咨询): never an empty submission
  if (!filedOnline(service.guide) && !named && !/咨询/.test(service.title)) return service;
  const audience = audienceOf(service);
  const title = named ? named.name.replace(/[《》]/g, "").replace(/（[^）]*）$/, "") : /咨询/.test(service.title) ? `${service.title}登记表` : `${service.title}申请表`;
  const applicant = applicantBlock(audience);
  const matter = matterBlock(service, named);
  const onBehalf = audience !== "organisation";

  const properties: Record<string, JsonSchema> = {};
  const uiSchema: UiSchema = {};
  const required: string[] = [];
  const order: string[] = [];
  if (onBehalf) {
    properties.filingMode = { type: "string", title: "申请方式", enum: [FILING_SELF, FILING_ON_BEHALF], default: FILING_SELF };
    uiSchema.filingMode = { "ui:widget": "radio", "ui:options": { inline: true } };
    required.push("filingMode");
    order.push("filingMode");
  }
  properties.applicant = applicant.schema;
  uiSchema.applicant = applicant.ui;
  required.push("applicant");
  order.push("applicant");
  if (onBehalf) order.push("agent");
  properties[matter.key] = matter.schema;
  uiSchema[matter.key] = matter.ui;
  required.push(matter.key);
  order.push(matter.key);
  const signer = audience === "organisation" ? "申请单位经办人签字" : "申请人签字（代他人申请的，由代办人签字）";
  properties.declaration = {
    ...attestationSchema(signer, "signature", { required: true, dated: false }),
    description: "本人承诺所填内容和所交材料真实、有效，如有虚假愿承担相应责任。",
  };
  uiSchema.declaration = attestationUiSchema("signature");
  required.push("declaration");
  order.push("declaration");
  uiSchema["ui:order"] = order;

  const schema: JsonSchema = { $schema: DRAFT_07, $comment: IDENTITY_FORM_COMMENT, type: "object", title, properties, required };
  if (onBehalf) {
    // shown (and required) only for 代他人申请, as the designer writes conditional visibility
    schema.allOf = [
      {
        if: { properties: { filingMode: { const: FILING_ON_BEHALF } }, required: ["filingMode"] },
        then: {
          properties: {
            agent: {
              type: "object",
              title: "代办人信息",
              description: "代他人申请的，填写您（代办人）的信息，并上传授权委托书",
              properties: {
                relation: { type: "string", title: "与申请人的关系", enum: relationsOf(service) },
                name: text("代办人姓名（或代办单位名称）"),
                idNumber: residentId("代办人公民身份号码"),
                creditCode: creditCode("代办单位统一社会信用代码（单位代办时填写）"),
                phone: phone("代办人联系电话"),
              },
              required: ["relation", "name", "phone"],
            },
          },
          required: ["agent"],
        },
      },
    ];
    uiSchema.agent = {
      "ui:options": { identity: "agent" },
      relation: { "ui:widget": "radio", "ui:options": { inline: true } },
      "ui:order": ["relation", "name", "idNumber", "creditCode", "phone"],
    };
  }

  const from = cited(service, ...matter.from, "guide.audience");
  const form: FormDefinition = {
    id: GENERATED_FORM_ID,
    title,
    dialect: "draft-07",
    schema,
    uiSchema,
    ...(from.length ? { source: { first: Math.min(...from.map((f) => f.first)), last: Math.max(...from.map((f) => f.last)) } } : {}),
    generated: { basis: matter.basis, from },
  };
  const materials = service.materials.map((m) => (m === named ? { ...m, formId: form.id } : m));
  if (onBehalf) {
    materials.push({
      id: POWER_OF_ATTORNEY_ID,
      name: "授权委托书（代他人申请时提交；近亲属代为申请的，可附亲属关系证明）",
      source: "申请人自备",
      kind: "原件",
      copies: 1,
      medium: "纸质或电子",
      required: false,
      requirementText: "代他人申请时必要",
      keepPaper: null,
      obtainableBySharing: false,
      scenario: null,
      formId: null,
      requiredWhen: { form: form.id, path: "/filingMode", equals: FILING_ON_BEHALF },
    });
  }
  return { ...service, forms: [...service.forms, form], materials };
}
