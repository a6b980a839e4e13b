/**
 * Family `handleBasis` (seq 101): 职业供求信息、市场工资指导价位信息、培训信息发布办事指南 —
 * 一、办理依据 · 二、承办机构 · 三、服务对象 · 四、办理材料 (three `（一）…发布办理材料` blocks) ·
 * 五、办理流程 (three `(一)…服务流程` sub-flows with `1.申请：… 2.受理：…`) · 六、办理方式 ·
 * 七、办理时限 · 八、办理结果 · 九、收费依据及标准 · 十、办事时间 · 十一、咨询查询途径, then
 * `文书格式：《求职登记表》`, `附表` + 个人求职登记表 and a flowchart caption. One service whose
 * flow offers the three 发布 procedures from its 申请 step.
 */
import type { Material, ServiceDefinition } from "@/runtime/definition/schema";
import type { FamilyParser, ItemText, SourceLine, Unextracted } from "../types";
import { emptyGuide } from "@/runtime/definition/blankParts";
import { PartRanges, serviceTitle } from "../assemble";
import { serviceCode } from "../categories";
import { parseAudience } from "../guideFields";
import { chineseParenSubsections, sectionRange, sectionsByKey } from "../text/headings";
import { cleanText } from "../text/markup";
import { listItemsOf, paragraphsOf, textOf } from "../text/sectionText";
import { splitTopLevel, trimPunctuation } from "../text/sentences";
import { buildBranchedFlow, type FlowBranch } from "./branchedFlow";
import { addNote, addUnnamedSectionNotes, caseTypeFromLimits, feeOf, parseLevels, statedLimits } from "./minorGuide";
import { legalBasisOf } from "./minorLegalBasis";
import { linkMaterialsToForms, materialFromText } from "./minorMaterials";
import { singleServiceResult, unextracted } from "./minorService";
import { blockOf, formOf, formTitle, isAttachmentMarker } from "./minorForms";
import { labelledEntry, sentenceLabel, stepOf } from "./procedureSteps";

const VOCABULARY = {
  legalBasis: /^办理依据$/,
  agency: /^承办机构$/,
  audience: /^服务对象$/,
  materials: /^办理材料$/,
  process: /^办理流程$/,
  channels: /^办理方式$/,
  limit: /^办理时限$/,
  fee: /^收费/,
};

/** `（一）职业供求信息发布办理材料` → `职业供求信息发布`. */
function scenarioName(name: string): string {
  return name.replace(/(办理材料|服务流程)$/, "");
}

/** Materials per block: `申请人：身份证、现场填写《求职人员登记表》` → one material per item, scenario = block. */
export function materialsByScenario(lines: SourceLine[]): Material[] {
  const materials: Material[] = [];
  for (const block of chineseParenSubsections(lines).subsections) {
    const scenario = scenarioName(block.name);
    for (const paragraph of paragraphsOf(block.body)) {
      const party = /^(.{2,6}?)[：:](.+)$/.exec(paragraph.text);
      const items = splitTopLevel(trimPunctuation(party ? party[2] : paragraph.text), "、");
      for (const raw of items) {
        const filledOnSite = /^现场填写(.+)$/.exec(raw);
        const material = materialFromText(`m${materials.length + 1}`, filledOnSite ? filledOnSite[1] : raw, {
          scenario,
          ...(filledOnSite ? { note: "现场填写" } : {}),
        });
        if (party) material.requirementText = `${party[1]}提供`;
        materials.push(material);
      }
    }
  }
  return materials;
}

/** `(一) 职业供求信息发布服务流程` blocks → one procedure each, steps from `1.申请：…` items. */
export function proceduresByBlock(lines: SourceLine[]): FlowBranch[] {
  return chineseParenSubsections(lines).subsections.map((block) => ({
    label: scenarioName(block.name),
    steps: listItemsOf(block.body).map((entry) => {
      const labelled = labelledEntry(entry.text);
      const label = labelled ? labelled.label : sentenceLabel(entry.text).replace(/^即时/, "");
      return stepOf(label, entry.text, { first: entry.first, last: entry.last });
    }),
  }));
}

export const parse: FamilyParser = (item: ItemText) => {
  const code = serviceCode(item.entry.seq);
  const parts = new PartRanges();
  const guide = emptyGuide();
  const unextractedParts: Unextracted[] = [];
  const body = item.lines.slice(1);
  // the item ends with 文书格式 / 附表 + form / flowchart caption, after the last section
  const tailStart = body.find((line) => /^文书格式/.test(cleanText(line.text)) || isAttachmentMarker(line.text))?.no ?? Infinity;
  const { byKey, sections } = sectionsByKey(body.filter((line) => line.no < tailStart), VOCABULARY);
  const text = (key: string) => (byKey.has(key) ? textOf(byKey.get(key)!.body) : "");
  const mark = (key: string, part: string) => byKey.has(key) && parts.add(part, sectionRange(byKey.get(key)!));

  if (byKey.has("legalBasis")) guide.legalBasis = legalBasisOf(paragraphsOf(byKey.get("legalBasis")!.body));
  mark("legalBasis", "guide.legalBasis");
  addNote(guide, "承办机构", text("agency"));
  guide.levels = parseLevels(text("agency"));
  mark("agency", "guide.levels");
  guide.audience = parseAudience(text("audience"));
  mark("audience", "guide.audience");
  guide.channels = splitTopLevel(trimPunctuation(text("channels")), "或、").map(trimPunctuation);
  mark("channels", "guide.channels");
  guide.promisedLimit = statedLimits(text("limit"));
  mark("limit", "guide.promisedLimit");
  guide.caseType = caseTypeFromLimits(guide.promisedLimit);
  guide.fee = feeOf(text("fee"));
  mark("fee", "guide.fee");
  addUnnamedSectionNotes(guide, parts, sections);
  const materials = byKey.has("materials") ? materialsByScenario(byKey.get("materials")!.body) : [];
  mark("materials", "materials");

  // 文书格式 + 附表 form; the flowchart caption after it is a picture
  const forms: ServiceDefinition["forms"] = [];
  const tail = item.lines.filter((line) => line.no >= tailStart);
  const declaration = tail.find((line) => /^文书格式/.test(cleanText(line.text)));
  if (declaration) addNote(guide, "文书格式", trimPunctuation(cleanText(declaration.text).replace(/^文书格式[：:]/, "")));
  const marker = tail.find((line) => isAttachmentMarker(line.text));
  const caption = tail.find((line) => /流程图[：:]?$/.test(cleanText(line.text)));
  if (marker) {
    const title = tail.find((line) => line.no > marker.no && line.text.trim() !== "");
    const last = (caption?.no ?? item.entry.lastLine + 1) - 1;
    if (title) {
      const form = formOf(blockOf(item, `${code}-form-1`, formTitle(title.text), title.no, last));
      forms.push(form);
      if (form.source) parts.add(`forms.${form.id}`, form.source);
    }
  }
  if (caption) unextractedParts.push(unextracted(`${trimPunctuation(cleanText(caption.text))}（图片，正文中缺失）`, caption.no, item.entry.lastLine));
  // 《求职人员登记表》 (materials) / 《求职登记表》 (文书格式) / 个人求职登记表 (附表) name one form
  linkMaterialsToForms(materials, forms, 0.7);

  const process = byKey.get("process");
  const branches = process ? proceduresByBlock(process.body) : [];
  const flow = buildBranchedFlow(branches, "text", forms.map((form) => form.id));
  mark("process", "flow");

  return singleServiceResult(item, { code, summary: serviceTitle(item), guide, materials, forms, flow, parts }, unextractedParts);
};
