/**
 * Family `unempGuide` (seq 97–100): 失业保险 guides — 一、事项名称 · 二、服务内容 · 三、服务对象 ·
 * 四、实施依据 · 五、实施主体 · 六、申领条件 · 七、申领方式 · [八、补贴标准 | 七、返还比例 八、资金用途] ·
 * 服务时间 · 办结时限 · 结果反馈 · 咨询方式 · 监督投诉方式 · 注意事项|备注 (numbering shifts, so
 * sections are mapped by name). Materials are only implicit in 申领方式 (“持身份证…”, “上传…照片”);
 * 100's 备注 carries two text templates (告知书, 回执单). No flow section: staged limits (98,
 * 100) give the steps, otherwise the minimal flow.
 */
import type { Guide, Material, TimeLimit } from "@/runtime/definition/schema";
import type { FamilyParser, FormBlock, ItemText, SourceLine, Unextracted } from "../types";
import { emptyGuide } from "@/runtime/definition/blankParts";
import { PartRanges } from "../assemble";
import { serviceCode } from "../categories";
import { parseAudience } from "../guideFields";
import { type Section, sectionRange, sectionsByKey } from "../text/headings";
import { cleanText } from "../text/markup";
import { paragraphsOf, listItemsOf, textOf } from "../text/sectionText";
import { trimPunctuation } from "../text/sentences";
import { findTables } from "../text/tables";
import { withApplicantStep } from "./branchedFlow";
import { addSectionNote, caseTypeFromLimits, findUrls, parseLevels, statedLimits } from "./minorGuide";
import { legalBasisOf } from "./minorLegalBasis";
import { linkMaterialsToForms, materialsForUnlinkedForms, materialFromText } from "./minorMaterials";
import { singleServiceResult, unextracted } from "./minorService";
import { buildFlow, minimalFlow } from "@/seed/flow/build";
import { formOf, trimBlankLines, isTemplateTitle } from "./minorForms";
import { stagesOf, stepsFromStages } from "./stagedLimits";

const VOCABULARY = {
  name: /^事项名称$/,
  description: /^服务内容$/,
  audience: /^服务对象$/,
  legalBasis: /^实施依据$/,
  subject: /^实施主体$/,
  conditions: /^申领条件$/,
  channels: /^申领方式$/,
  limit: /^办结时限$/,
  remarks: /^备注$/,
};

/** Materials implied by 申领方式: `持身份证或二代社会保障卡，职业技能等级证书原件到…` / `上传有效的身份证正反面照片`. */
export function impliedMaterials(channelTexts: string[]): Material[] {
  const materials: Material[] = [];
  const add = (name: string, scenario: string | null, medium: string | null) => {
    const clean = trimPunctuation(name);
    if (clean === "" || materials.some((material) => material.name === materialFromText("x", clean).name)) return;
    materials.push(materialFromText(`m${materials.length + 1}`, clean, { scenario, medium }));
  };
  for (const text of channelTexts) {
    const offline = /线下/.test(text) ? "线下办理" : null;
    const held = /持(.+?)(?:到|在)/.exec(text);
    if (held) for (const name of held[1].split(/[，,、]/)) add(name, offline, null);
    const uploaded = /上传(?:有效的)?(.+?)(?:[（(]|→|$)/.exec(text);
    if (uploaded) add(uploaded[1], "线上办理", "电子");
  }
  return materials;
}

/** One or more limits per list item of 办结时限; an item led by 免申即享 / 自主申报 keeps it as the channel. */
function limitsOfSection(section: Section): TimeLimit[] {
  const entries = listItemsOf(section.body);
  return entries.flatMap((entry) => {
    const channel = /^(免申即享|自主申报|线上|线下)/.exec(entry.text)?.[1];
    const limits = statedLimits(entry.text);
    return channel ? limits.map((limit) => ({ ...limit, channel: limit.channel ?? channel })) : limits;
  });
}

/** Text templates in a section: each titled block (title line … up to the next title). */
export function templateBlocks(lines: SourceLine[], codePrefix: string): FormBlock[] {
  const titles = lines.filter((line) => isTemplateTitle(cleanText(line.text)));
  return titles.map((title, i) => {
    const next = titles[i + 1]?.no ?? Infinity;
    return {
      id: `${codePrefix}-form-${i + 1}`,
      title: cleanText(title.text).replace(/\s+/g, ""),
      lines: trimBlankLines(lines.filter((line) => line.no >= title.no && line.no < next)),
    };
  });
}

export const parse: FamilyParser = (item: ItemText) => {
  const code = serviceCode(item.entry.seq);
  const parts = new PartRanges();
  const guide: Guide = emptyGuide();
  const unextractedParts: Unextracted[] = [];
  const { byKey, sections } = sectionsByKey(item.lines.slice(1), VOCABULARY);
  const text = (key: string) => (byKey.has(key) ? textOf(byKey.get(key)!.body) : "");
  const mark = (key: string, part: string) => byKey.has(key) && parts.add(part, sectionRange(byKey.get(key)!));

  guide.description = text("description") || undefined;
  mark("description", "guide.description");
  guide.audience = parseAudience(text("audience"));
  mark("audience", "guide.audience");
  if (byKey.has("legalBasis")) guide.legalBasis = legalBasisOf(paragraphsOf(byKey.get("legalBasis")!.body));
  mark("legalBasis", "guide.legalBasis");
  guide.levels = parseLevels(text("subject"));
  mark("subject", "guide.levels");
  if (byKey.has("conditions")) {
    guide.conditions = listItemsOf(byKey.get("conditions")!.body)
      .filter((entry) => !(entry.marker === null && /[：:]$/.test(entry.text)))
      .map((entry) => entry.text);
  }
  mark("conditions", "guide.conditions");

  const channelTexts = byKey.has("channels") ? listItemsOf(byKey.get("channels")!.body).map((entry) => trimPunctuation(entry.text)) : [];
  guide.channels = channelTexts;
  mark("channels", "guide.channels");
  const rawChannels = byKey.get("channels")?.body.map((line) => line.text).join("\n") ?? "";
  guide.onlineAddress = findUrls(rawChannels)[0] ?? null;
  const clickPath = channelTexts.find((entry) => /→/.test(entry));
  if (clickPath) {
    const [lead, ...clicks] = clickPath.split("→").map((part) => part.trim());
    guide.operationNotes.push({ step: "线上申请", notes: [lead, ...clicks] });
  }
  const materials = impliedMaterials(channelTexts);
  mark("channels", "materials");

  const limitSection = byKey.get("limit");
  if (limitSection) {
    guide.promisedLimit = limitsOfSection(limitSection);
    parts.add("guide.promisedLimit", sectionRange(limitSection));
  }
  guide.caseType = caseTypeFromLimits(guide.promisedLimit);

  // 备注 of 100: text templates → forms
  const blocks: FormBlock[] = [];
  const remarks = byKey.get("remarks");
  if (remarks) blocks.push(...templateBlocks(remarks.body, code));
  const forms = blocks.map((block) => formOf(block));
  for (const form of forms) if (form.source) parts.add(`forms.${form.id}`, form.source);
  linkMaterialsToForms(materials, forms);
  materials.push(...materialsForUnlinkedForms(materials, forms.filter((form) => /回执|申请|登记/.test(form.title))));

  // everything else under its own heading → notes
  for (const section of sections) {
    if (section.key !== null && section.key !== "name" && section.key !== "remarks") continue;
    if (section.key === "remarks" && blocks.length > 0) continue;
    addSectionNote(guide, parts, section);
    if (findTables(section.body).length > 0) {
      const range = sectionRange(section);
      unextractedParts.push(unextracted(`${section.name}：表格仅作为文字备注`, range.first, range.last));
    }
  }

  const stages = limitSection ? stagesOf(textOf(limitSection.body)) : [];
  const steps = stepsFromStages(stages, limitSection ? sectionRange(limitSection) : undefined);
  const applicantForms = forms.filter((form) => /回执|申请|登记/.test(form.title)).map((form) => form.id);
  const textual = steps.length > 1 && stages[0].action !== "办结";
  const flow =
    textual
      ? buildFlow(withApplicantStep(steps, applicantForms), { derivation: "text" })
      : applicantForms.length > 0
        ? buildFlow(withApplicantStep([{ label: "受理" }, { label: "办结" }], applicantForms), { derivation: "minimal" })
        : minimalFlow();
  if (textual) parts.add("flow", sectionRange(limitSection!));

  return singleServiceResult(item, { code, guide, materials, forms, flow, parts }, unextractedParts);
};
