/**
 * The formal documents of a service (受理通知书, 不予受理通知书, 一次性告知书, the decision
 * documents its outcomes name …): their kinds, the default texts, and filling a text's
 * placeholders. Pure: the designer previews with it and the server renders issued documents.
 *
 * A definition's `documents` hold the texts its administrators wrote (a local variant may
 * override each, item `document/<kind>`); a kind not written there uses the default below.
 */
import type { DecisionOutcome, DocumentTemplate, ServiceDefinition, TaskNode } from "./schema";
import { guideContact } from "./requirements";

/** The kinds every flow may issue, with the default title. */
export const standardDocumentKinds = {
  acceptance: "受理通知书",
  correction: "补正材料通知书（一次性告知书）",
  refusal: "不予受理通知书",
  rejection: "不予办理决定书",
  termination: "终止办理告知书",
  completion: "办结通知书",
} as const;
export type StandardDocumentKind = keyof typeof standardDocumentKinds;

export const outcomeDocumentKind = (outcomeId: string) => `outcome-${outcomeId.toLowerCase()}`;

/** The placeholders a document text may use, with what each stands for. */
export const documentPlaceholders = {
  申请人: "申请人姓名或单位名称",
  服务事项: "服务事项名称",
  办件编号: "办件编号",
  提交日期: "申请提交日期",
  受理日期: "受理日期",
  决定日期: "文书作出日期",
  办理机构: "作出文书的机构",
  决定: "决定结果（如：认定工伤）",
  理由: "决定或告知的理由",
  金额: "核定金额",
  补正清单: "需要补正的全部材料或内容，逐项列出",
} as const;
export type DocumentPlaceholder = keyof typeof documentPlaceholders;
export type DocumentFacts = Partial<Record<DocumentPlaceholder, string | string[]>>;

const RIGHTS_NOTICE =
  "如对本决定不服，可以自收到本{文书}之日起六十日内依法申请行政复议，或者自收到本{文书}之日起六个月内依法向人民法院提起行政诉讼。";

function rightsNotice(title: string): string {
  const word = /告知书/.test(title) ? "告知书" : /通知书/.test(title) ? "通知书" : "决定书";
  return RIGHTS_NOTICE.replaceAll("{文书}", word);
}

const OPENING = "您于{提交日期}提交的“{服务事项}”申请（办件编号：{办件编号}）";

function standardDefault(kind: StandardDocumentKind): DocumentTemplate {
  const title = standardDocumentKinds[kind];
  switch (kind) {
    case "acceptance":
      return {
        kind,
        title,
        body: `${OPENING}，经审查，申请材料齐全、符合法定形式，本机构决定予以受理。\n\n本机构将在规定时限内办理并作出决定。您可以凭办件编号在“我的办件”中查询办理进度。`,
        rightsNotice: "",
      };
    case "correction":
      return {
        kind,
        title,
        body: `${OPENING}，经审查，申请材料不齐全或者不符合法定形式。现一次性告知您需要补正的全部材料或内容如下：\n\n{补正清单}\n\n请补正后重新提交。补正期间不计入办理时限。`,
        rightsNotice: "",
      };
    case "refusal":
      return { kind, title, body: `${OPENING}，经审查，{理由}。根据有关规定，本机构决定不予受理。`, rightsNotice: rightsNotice(title) };
    case "rejection":
      return { kind, title, body: `${OPENING}，本机构已于{受理日期}受理。经审查，{理由}。根据有关规定，本机构决定不予办理。`, rightsNotice: rightsNotice(title) };
    case "termination":
      return { kind, title, body: `${OPENING}，因{理由}，本机构决定终止办理。`, rightsNotice: rightsNotice(title) };
    case "completion":
      return { kind, title, body: `${OPENING}，已于{决定日期}办理完结。`, rightsNotice: "" };
  }
}

/** The default text of the document an outcome names: the decision, its reason where required, its amount where stated. */
export function outcomeDefault(outcome: DecisionOutcome): DocumentTemplate {
  const decision = outcome.requiresReason || !outcome.favourable ? "经审查，{理由}。根据有关规定，本机构决定：{决定}。" : "经审查，本机构决定：{决定}。";
  const amount = outcome.amountLabel ? `\n\n${outcome.amountLabel}：{金额}。` : "";
  return {
    kind: outcomeDocumentKind(outcome.id),
    title: outcome.documentTitle,
    body: `${OPENING}，本机构已于{受理日期}受理。${decision}${amount}`,
    rightsNotice: rightsNotice(outcome.documentTitle),
  };
}

/** The decision steps' outcomes of a definition, each once by id. */
export function outcomesOf(definition: Pick<ServiceDefinition, "flow">): DecisionOutcome[] {
  const seen = new Map<string, DecisionOutcome>();
  for (const node of definition.flow.nodes) {
    if (node.type !== "task") continue;
    for (const outcome of (node as TaskNode).outcomes ?? []) if (!seen.has(outcome.id)) seen.set(outcome.id, outcome);
  }
  return [...seen.values()];
}

/** The kinds a definition's flow can issue, with their default texts. */
export function defaultDocuments(definition: Pick<ServiceDefinition, "flow">): DocumentTemplate[] {
  const kinds = new Set<StandardDocumentKind>(["acceptance", "completion"]);
  for (const node of definition.flow.nodes) {
    if (node.type === "end" && node.outcome === "refused") {
      kinds.add("refusal");
      kinds.add("rejection");
    }
    if (node.type === "end" && node.outcome === "terminated") kinds.add("termination");
    if (node.type === "task" && node.actions.some((a) => a.kind === "correction")) kinds.add("correction");
  }
  const order = Object.keys(standardDocumentKinds) as StandardDocumentKind[];
  return [...order.filter((k) => kinds.has(k)).map(standardDefault), ...outcomesOf(definition).map(outcomeDefault)];
}

/** The text a document of `kind` is issued with: the definition's own, else the default. */
export function documentTemplateOf(definition: Pick<ServiceDefinition, "flow" | "documents">, kind: string): DocumentTemplate | null {
  const own = definition.documents?.find((d) => d.kind === kind);
  if (own) return own;
  if (kind in standardDocumentKinds) return standardDefault(kind as StandardDocumentKind);
  const outcome = outcomesOf(definition).find((o) => outcomeDocumentKind(o.id) === kind);
  return outcome ? outcomeDefault(outcome) : null;
}

/** Every document of a definition: its own texts, then the defaults of kinds it does not give. */
export function documentsOf(definition: Pick<ServiceDefinition, "flow" | "documents">): { template: DocumentTemplate; own: boolean }[] {
  const own = definition.documents ?? [];
  const ownKinds = new Set(own.map((d) => d.kind));
  return [
    ...own.map((template) => ({ template, own: true })),
    ...defaultDocuments(definition).filter((d) => !ownKinds.has(d.kind)).map((template) => ({ template, own: false })),
  ];
}

const PLACEHOLDER = /\{([^{}\s]{1,8})\}/g;

/** Placeholders a text uses that are not known (shown as mistakes in the designer). */
export function unknownPlaceholders(text: string): string[] {
  const unknown = new Set<string>();
  for (const match of text.matchAll(PLACEHOLDER)) if (!(match[1] in documentPlaceholders)) unknown.add(match[1]);
  return [...unknown];
}

function fillLine(line: string, facts: DocumentFacts): string {
  return line.replace(PLACEHOLDER, (whole, name: string) => {
    if (!(name in documentPlaceholders)) return whole;
    const value = facts[name as DocumentPlaceholder];
    if (Array.isArray(value)) return value.join("；");
    return value?.trim() || "—";
  });
}

/**
 * A document's paragraphs with its facts filled in. A paragraph that is only {补正清单}
 * becomes one numbered paragraph per item (一次性告知 lists each).
 */
export function renderDocument(template: DocumentTemplate, facts: DocumentFacts): { title: string; paragraphs: string[]; rightsNotice: string | null } {
  const paragraphs: string[] = [];
  for (const block of template.body.split(/\n\s*\n/)) {
    const text = block.trim();
    if (!text) continue;
    if (text === "{补正清单}") {
      const items = facts.补正清单;
      const list = Array.isArray(items) ? items : items ? [items] : [];
      list.forEach((item, i) => paragraphs.push(`${i + 1}. ${item}`));
      continue;
    }
    paragraphs.push(fillLine(text.replace(/\s*\n\s*/g, ""), facts));
  }
  const rights = template.rightsNotice.trim();
  return { title: template.title, paragraphs, rightsNotice: rights ? fillLine(rights, facts) : null };
}

/** The issuing authority of an office: 新城区 → 新城区人力资源和社会保障局, 内蒙古自治区 → …社会保障厅. */
export function authorityName(office: string): string {
  if (/人力资源|人社|社会保障|社保/.test(office)) return office;
  return `${office}人力资源和社会保障${office.endsWith("自治区") ? "厅" : "局"}`;
}

/** 2026-12-05 → 2026年12月5日. */
export function chineseDate(isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split("-");
  return `${year}年${Number(month)}月${Number(day)}日`;
}

/** The national 人社 service hotline printed on every document. */
export const SERVICE_HOTLINE = "12333";

/**
 * The 咨询电话 a document prints: the phone its guide gives (a local version's own number), with the
 * 12333 service line beside it where the guide does not name that; 12333 alone when it gives none.
 */
export function documentHotline(guide: ServiceDefinition["guide"]): string {
  const phone = guideContact(guide).phone?.replace(/\s+/g, " ");
  if (!phone) return SERVICE_HOTLINE;
  return phone.includes(SERVICE_HOTLINE) ? phone : `${phone}；${SERVICE_HOTLINE}`;
}
