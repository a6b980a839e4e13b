/**
 * Materials named in running text, as the spec items state them in their 申请/受理 steps:
 * a lead ending `提供以下材料：` followed by list items (`a) 法定代表人身份证；`, `申请人为…的，
 * 提供本人有效身份证；`), a sentence `提供有效身份证件、户口簿首页和本人页，填写《X》（见附录 A
 * 表 A.1）`, an inline `需申请单位提供（一）《X》；（二）《Y》`, or `持有效身份证件原件办理`.
 */
import type { Material } from "@/runtime/definition/schema";
import { parseListMarker, splitInlineList } from "./text/lists";
import { type Paragraph } from "./text/paragraphs";
import { splitTopLevel, trimPunctuation } from "./text/sentences";

/** A material as found in the text, before it becomes a contract Material. */
export interface NamedMaterial {
  name: string;
  scenario: string | null;
  /** False when the text offers alternatives (`提供下列证明材料之一`). */
  required: boolean;
  note?: string;
  line: number;
}

const LEAD_RE = /(?:以下|下列)(?:材料|资料|情形提供材料|证明材料之一)?[：:]$|提供材料[：:]$|材料(?:复印件)?[：:]$/;
const VERB_RE = /^(?:并|需|应|须)?(?:申请单位|申请人|单位)?(?:提供|填写并?提交|填写提交|填写|提交|填报|携带)/;
/** A verb that introduces materials, not `填写完整` / `提交至`. */
const VERB_AT_RE = /(?:并|需|应|须)?(?:申请单位|申请人)?(?:提供|填写|提交|填报|携带)(?!完整|不完整|正确|规范|至|到)/;
const VAGUE_RE = /^(?:相关|其他|有关|相应|人员类别相应)|相关(?:材料|资料|证明材料)|^(?:材料|资料)$/;
const REFERENCE_RE = /[（(]见(?:附录|附表)[^（）()]*[)）]/g;

/** A material name cleaned of references (`（见附录 A 表 A.1）`), `等相关资料`, punctuation. */
export function cleanMaterialName(text: string): string {
  return trimPunctuation(
    text
      .replace(REFERENCE_RE, "")
      .replace(/等(?:相关)?(?:材料|资料)?$/, "")
      .replace(/^(?:的|以及|及)/, "")
      .trim(),
  );
}

function namesAfterVerb(segment: string): string[] {
  const verb = VERB_RE.exec(segment);
  if (!verb) return [];
  const objects = segment.slice(verb[0].length).replace(/^(?:以下|如下)/, "");
  const inline = splitInlineList(objects);
  const parts = inline ? inline.items : splitTopLevel(objects.replace(/及(?=《)/g, "、"), "、");
  return parts.map(cleanMaterialName).filter((name) => name !== "" && !VAGUE_RE.test(name));
}

/** Names in a sentence: each `提供 / 填写 / 提交 …` clause's objects (`…填写《X》并提供Y、Z`). */
export function namesInSentence(text: string): string[] {
  const names: string[] = [];
  for (const sentence of splitTopLevel(text.replace(REFERENCE_RE, ""), "。；;")) {
    for (const segment of splitTopLevel(sentence, "，,")) {
      const at = segment.search(VERB_AT_RE);
      if (at < 0 || segment.slice(0, at).includes("》")) continue;
      for (const clause of segment.slice(at).split(/并(?=提供|提交|填写|携带)/)) names.push(...namesAfterVerb(clause));
    }
    const held = /持([^，。；、]{2,12}?)原件/.exec(sentence);
    if (held) names.push(cleanMaterialName(held[1]));
  }
  return names;
}

/** One list item under a material lead: `X的，提供Y` (scenario), `X：Y` (category or scenario) or a name. */
function materialsOfItem(text: string, line: number, required: boolean): NamedMaterial[] {
  const scenario = /^(.{2,40}?)的\s*[，,]?\s*(?:应|需)?(?:提供|提交)(.+)$/.exec(text);
  if (scenario) {
    const [objects] = splitTopLevel(scenario[2], "。");
    return namesAfterVerb(`提供${objects}`).map((name) => ({ name, scenario: scenario[1], required, line }));
  }
  const labelled = /^([^：:]{2,20})[：:](.+)$/.exec(text);
  if (labelled) {
    const [, label, rest] = labelled;
    if (/材料$/.test(label)) return [{ name: label, scenario: null, required, note: trimPunctuation(rest), line }];
    return [{ name: cleanMaterialName(rest), scenario: label, required, line }];
  }
  const name = cleanMaterialName(text);
  return name === "" ? [] : [{ name, scenario: null, required, line }];
}

/**
 * The materials named in a step's paragraphs. `inApplicantStep` allows plain sentences
 * (`提供…、填写《…》`); otherwise only explicit lists (a lead with items, an inline
 * `提供（一）…（二）…`, a `（一）…` run continued by `（二）…` paragraphs) count.
 */
export function materialsInParagraphs(paragraphs: Paragraph[], inApplicantStep: boolean): NamedMaterial[] {
  const found: NamedMaterial[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const { text, first } = paragraphs[i];
    const marker = parseListMarker(text);
    const body = marker ? marker.rest : text;
    if (LEAD_RE.test(body)) {
      if (inApplicantStep) {
        const beforeLead = splitTopLevel(body, "，,").slice(0, -1).join("，");
        found.push(...namesInSentence(beforeLead).map((name) => ({ name, scenario: null, required: true, line: first })));
      }
      const alternatives = /之一[：:]$/.test(body);
      const kind = parseListMarker(paragraphs[i + 1]?.text ?? "")?.kind;
      while (kind && parseListMarker(paragraphs[i + 1]?.text ?? "")?.kind === kind) {
        i++;
        const item = parseListMarker(paragraphs[i].text)!.rest;
        if (LEAD_RE.test(item)) {
          const subKind = parseListMarker(paragraphs[i + 1]?.text ?? "")?.kind;
          while (subKind && subKind !== kind && parseListMarker(paragraphs[i + 1]?.text ?? "")?.kind === subKind) {
            i++;
            found.push(...materialsOfItem(parseListMarker(paragraphs[i].text)!.rest, paragraphs[i].first, !/之一/.test(item)));
          }
          continue;
        }
        found.push(...materialsOfItem(item, paragraphs[i].first, !alternatives));
      }
      continue;
    }
    const inline = /(?:提供|提交)\s*(?=[（(]一[)）])/.exec(body);
    const inlineItems = inline ? splitInlineList(body.slice(inline.index + inline[0].length)) : null;
    if (inlineItems) {
      for (const item of inlineItems.items) found.push(...materialsOfItem(item, first, true));
      continue;
    }
    const openRun = /（一）|\(一\)/.exec(body);
    const next = parseListMarker(paragraphs[i + 1]?.text ?? "");
    if (openRun && next?.kind === "chineseParen" && next.ordinal === 2) {
      found.push(...materialsOfItem(body.slice(openRun.index + openRun[0].length), first, true));
      while (parseListMarker(paragraphs[i + 1]?.text ?? "")?.kind === "chineseParen") {
        i++;
        found.push(...materialsOfItem(parseListMarker(paragraphs[i].text)!.rest, paragraphs[i].first, true));
      }
      continue;
    }
    if (inApplicantStep) {
      found.push(...namesInSentence(body).map((name) => ({ name, scenario: null, required: true, line: first })));
    }
  }
  return dedupeMaterials(found);
}

/** Drops repeated materials (same scenario and name, 《》 and spaces ignored). */
export function dedupeMaterials(materials: NamedMaterial[]): NamedMaterial[] {
  const seen = new Set<string>();
  return materials.filter((material) => {
    const key = `${material.scenario ?? ""}|${material.name.replace(/[《》\s]/g, "")}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Contract materials (`m1` …) from named ones; 原件/复印件 and 数据共享 read from the text. */
export function toMaterials(named: NamedMaterial[]): Material[] {
  return named.map((material, i) => {
    const shared = /数据共享|信息共享/.test(material.name + (material.note ?? ""));
    const kind = /原件/.test(material.name) && /复印件/.test(material.name) ? "原件和复印件" : /复印件/.test(material.name) ? "复印件" : /原件/.test(material.name) ? "原件" : null;
    const result: Material = {
      id: `m${i + 1}`,
      name: material.name,
      source: null,
      kind,
      copies: null,
      medium: null,
      required: material.required,
      keepPaper: null,
      obtainableBySharing: shared ? true : null,
      scenario: material.scenario,
      formId: null,
    };
    if (!material.required) result.requirementText = "提供其一";
    if (material.note) result.note = material.note;
    return result;
  });
}
