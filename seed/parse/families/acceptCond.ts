/**
 * Family `acceptCond` (seq 112–121): 就业登记 / 认定 / 补贴 guides — 一、受理条件|办理人员范围|办理范围 ·
 * 二、办理方式 · 三、办理携带材料[（系统登记上传相关证件扫描件）] · [补贴险种 · 补贴标准 · 补贴期限] ·
 * 办理时限 · [其他]. No legal basis, no flow section, no forms: the staged limits of 办理时限
 * (社区受理 5 日 → 苏木乡镇初审 7 日 → … → 公示 → 拨付) are the flow; per-channel limits only
 * (线上 / 线下) give the minimal flow.
 */
import type { Material } from "@/runtime/definition/schema";
import type { FamilyParser, ItemText, Unextracted } from "../types";
import { buildFlow, minimalFlow } from "@/seed/flow/build";
import { emptyGuide } from "@/runtime/definition/blankParts";
import { PartRanges } from "../assemble";
import { serviceCode } from "../categories";
import { parseTimeLimits } from "../limits";
import { sectionRange, sectionsByKey } from "../text/headings";
import { listItemsOf, textOf } from "../text/sectionText";
import { trimPunctuation } from "../text/sentences";
import { addSectionNote, addUnnamedSectionNotes, caseTypeFromLimits, channelsOf, conditionsOf, parseLevels, partiesOf, statedLimits } from "./minorGuide";
import { materialFromText } from "./minorMaterials";
import { singleServiceResult } from "./minorService";
import { stagesOf, stepsFromStages } from "./stagedLimits";


const VOCABULARY = {
  conditions: /^(受理条件|办理人员范围|办理范围)$/,
  channels: /^办理方式$/,
  materials: /^办理携带材料/,
  limit: /^办理时限$/,
};

/** A material line that applies only in some situations (`非本地户籍人员需提供…`, `根据个人不同情况…`). */
function isConditional(text: string): boolean {
  return /^(非本地|根据|如|若|需要时)/.test(text) || /的需提供|人员需提供/.test(text);
}

/** Materials of 办理携带材料; `（系统登记上传相关证件扫描件）` in the heading → electronic scans. */
export function materialsOfSection(headingName: string, lines: Parameters<typeof listItemsOf>[0]): Material[] {
  const scans = /扫描件/.test(headingName);
  return listItemsOf(lines).map((entry, i) => {
    const text = trimPunctuation(entry.text);
    return materialFromText(`m${i + 1}`, text, {
      medium: scans ? "电子（系统登记上传扫描件）" : null,
      required: !isConditional(text),
    });
  });
}

/** The time-limit text with its paragraphs as sentences (`线下：即时办结` / `线上：3 个工作日` lack a stop). */
function limitText(lines: Parameters<typeof listItemsOf>[0]): string {
  return textOf(lines)
    .split("\n")
    .map((line) => line.replace(/[。；]$/, ""))
    .join("。");
}

export const parse: FamilyParser = (item: ItemText) => {
  const code = serviceCode(item.entry.seq);
  const parts = new PartRanges();
  const guide = emptyGuide();
  const unextractedParts: Unextracted[] = [];
  const { byKey, sections } = sectionsByKey(item.lines.slice(1), VOCABULARY);

  const conditions = byKey.get("conditions");
  if (conditions) {
    guide.conditions = conditionsOf(conditions.body);
    guide.description = guide.conditions.length === 1 ? guide.conditions[0] : undefined;
    parts.add("guide.conditions", sectionRange(conditions));
  }
  const channels = byKey.get("channels");
  if (channels) {
    guide.channels = channelsOf(channels.body);
    guide.audience = partiesOf(textOf(channels.body));
    parts.add("guide.channels", sectionRange(channels));
    parts.add("guide.audience", sectionRange(channels));
  }
  const materialSection = byKey.get("materials");
  const materials = materialSection ? materialsOfSection(materialSection.name, materialSection.body) : [];
  if (materialSection) parts.add("materials", sectionRange(materialSection));

  const limitSection = byKey.get("limit");
  const limits = limitSection ? limitText(limitSection.body) : "";
  const perChannel = parseTimeLimits(limits).some((limit) => limit.channel);
  if (limitSection) {
    guide.promisedLimit = statedLimits(limits);
    parts.add("guide.promisedLimit", sectionRange(limitSection));
    if (guide.promisedLimit.length > 2 && !perChannel) {
      // staged prose: keep the whole text (remarks, 分批发放 …) beside the per-stage limits
      addSectionNote(guide, parts, limitSection);
    }
  }
  guide.caseType = caseTypeFromLimits(guide.promisedLimit);
  guide.levels = parseLevels([channels, limitSection].map((section) => (section ? textOf(section.body) : "")).join("\n"));

  addUnnamedSectionNotes(guide, parts, sections);

  const steps = limitSection && !perChannel ? stepsFromStages(stagesOf(limits), sectionRange(limitSection)) : [];
  const flow = steps.length > 0 ? buildFlow(steps, { derivation: "text" }) : minimalFlow();
  if (steps.length > 0) parts.add("flow", sectionRange(limitSection!));

  const summary = trimPunctuation(guide.conditions[0] ?? "") || undefined;
  return singleServiceResult(item, { code, summary, guide, materials, flow, parts }, unextractedParts);
};
