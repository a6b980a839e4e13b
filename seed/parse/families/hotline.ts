/**
 * Family `hotline` (seq 145): 12333 人力资源和社会保障咨询服务工作办事指南 — `通用` (1 线路设置 ·
 * 2 服务时间 · 3 语音导航 · 4 服务内容及方式 with 4.1 政策咨询, 4.2 办事指南) and three sub-flows,
 * each restarting at `1 办理条件` (2 办理渠道 · 3 办理时限 · 4 收费标准 · 5 业务流程/5.1 流程图 ·
 * [电话拨打] · 受理 (x.1–x.4) · 办理 · 办结 · 归档), then 附录 A 服务用语 · 附录 B 监听评分细则 ·
 * 附录 C 流程图 (picture) · 附录 D 表 D-1/D-2 · 附录 E 讨薪线索信息汇总表.
 * One service per sub-flow (s145-01 政策咨询服务, s145-02 办事指南服务, s145-03 投诉举报服务); the
 * 通用 clauses are notes of each, 附录 A/B appendices of each, the forms go where the text uses them.
 */
import type { Guide, ServiceDefinition } from "@/runtime/definition/schema";
import type { FamilyParser, ItemText, SourceLine, Unextracted } from "../types";
import { emptyGuide } from "@/runtime/definition/blankParts";
import { PartRanges } from "../assemble";
import { serviceCode } from "../categories";
import { childClauses, clauseLines, findClauses, type Clause } from "../text/clauses";
import { cleanText } from "../text/markup";
import { listItemsOf, textOf } from "../text/sectionText";
import { trimPunctuation } from "../text/sentences";
import { addNote, caseTypeFromLimits, channelsOf, feeOf, parseLevels, statedLimits } from "./minorGuide";
import { appendixOf, assembleService, groupOf, unextracted } from "./minorService";
import { findLimitExpressions } from "../limits";
import { buildFlow, slaFromLimit, type StepSpec } from "@/seed/flow/build";
import { blockOf, formOf, formTitle } from "./minorForms";

/** A sub-flow title line: `政策咨询服务流程`. */
const SUB_FLOW_RE = /^(.{2,10}服务)流程$/;
/** An appendix heading: `附录 A（规范性）`. */
const APPENDIX_RE = /^附录\s*([A-Z])/;

interface Part {
  name: string;
  line: number;
  lines: SourceLine[];
}

/** Cuts the item into 通用, the sub-flows and the appendices (by their title lines). */
export function cutHotline(lines: SourceLine[]): { general: SourceLine[]; flows: Part[]; appendices: Part[] } {
  const general: SourceLine[] = [];
  const flows: Part[] = [];
  const appendices: Part[] = [];
  let current: SourceLine[] = general;
  for (const line of lines) {
    const text = cleanText(line.text).replace(/\s+/g, "");
    const flow = SUB_FLOW_RE.exec(text);
    const appendix = APPENDIX_RE.exec(text);
    if (flow && !line.text.includes("\t")) {
      flows.push({ name: flow[1], line: line.no, lines: [] });
      current = flows[flows.length - 1].lines;
    } else if (appendix) {
      appendices.push({ name: appendix[1], line: line.no, lines: [] });
      current = appendices[appendices.length - 1].lines;
    } else {
      current.push(line);
    }
  }
  return { general, flows, appendices };
}

function clauseRange(clauses: Clause[], index: number) {
  const lines = [{ no: clauses[index].line }, ...clauseLines(clauses, index).filter((line) => line.text.trim() !== "")];
  return { first: lines[0].no, last: lines[lines.length - 1].no };
}

/** The appendix title: the first text line after its heading (`服 务 用 语` → `服务用语`). */
function appendixTitle(part: Part): string {
  const title = part.lines.find((line) => line.text.trim() !== "");
  return title ? cleanText(title.text).replace(/\s+/g, "") : `附录 ${part.name}`;
}

/** The forms of 附录 D (表 D-1, 表 D-2) and E: each titled block. */
function hotlineForms(item: ItemText, appendices: Part[]): ServiceDefinition["forms"][number][] {
  const forms: ServiceDefinition["forms"][number][] = [];
  for (const part of appendices.filter((candidate) => candidate.name === "D" || candidate.name === "E")) {
    const content = part.lines.filter((line) => line.text.trim() !== "");
    const titles = part.name === "D" ? content.filter((line) => /^表\s*D-\d/.test(line.text.trim())) : content.slice(0, 1);
    titles.forEach((title, i) => {
      const next = titles[i + 1]?.no ?? (content[content.length - 1]?.no ?? title.no) + 1;
      const name = formTitle(title.text.replace(/^表\s*D-\d\s*/, ""));
      const id = part.name === "D" ? `d${i + 1}` : "e1";
      forms.push(formOf(blockOf(item, `s145-form-${id}`, name, title.no, next - 1)));
    });
  }
  return forms;
}

/** The flow of one sub-flow: the clauses after 业务流程 (电话拨打 · 受理 · 办理 · 办结 · 归档). */
export function hotlineSteps(clauses: Clause[], formIds: string[]): StepSpec[] {
  const topLevel = clauses.map((clause, index) => ({ clause, index })).filter(({ clause }) => clause.path.length === 1);
  const processAt = topLevel.findIndex(({ clause }) => /业务流程/.test(clause.title));
  return topLevel.slice(processAt + 1).map(({ clause, index }, i) => {
    const children = childClauses(clauses, index);
    const own = listItemsOf(clause.body).map((entry) => entry.text);
    const checkpoints = [
      ...own,
      ...children.map((child) => childText(child)),
    ];
    const text = checkpoints.join("");
    const [duration] = findLimitExpressions(text).filter((expression) => expression.unit !== "instant");
    const caller = i === 0 && /拨打/.test(clause.title);
    const registers = /登记/.test(text) && /登记表|附件/.test(text);
    return {
      label: clause.title,
      role: caller ? "applicant" : "caseworker",
      sla: duration ? slaFromLimit(duration) : null,
      checkpoints,
      forms: registers ? formIds.map((formId) => ({ formId, mode: "edit" as const })) : [],
      source: clauseRange(clauses, index),
    };
  });
}

/** `受理内容：a) …；b) …` — a sub-clause as one line (title, then its items). */
function childText(child: Clause): string {
  const items = listItemsOf(child.body).map((entry) => trimPunctuation(entry.text));
  return items.length > 0 ? `${child.title}：${items.join("；")}` : child.title;
}

/** Which forms each sub-flow uses: D-1 (咨询、求助和建议类) → 办事指南; D-2 (投诉类) and E (讨薪线索) → 投诉举报. */
function formsFor(name: string, forms: ServiceDefinition["forms"]): ServiceDefinition["forms"] {
  if (/办事指南/.test(name)) return forms.filter((form) => /咨询|求助|建议/.test(form.title));
  if (/投诉举报/.test(name)) return forms.filter((form) => /投诉|讨薪/.test(form.title));
  return [];
}

export const parse: FamilyParser = (item: ItemText) => {
  const seq = item.entry.seq;
  const unextractedParts: Unextracted[] = [];
  const { general, flows, appendices } = cutHotline(item.lines.slice(1));
  const generalClauses = findClauses(general.filter((line) => cleanText(line.text) !== "通用")).clauses;
  const topGeneral = generalClauses.map((clause, index) => ({ clause, index })).filter(({ clause }) => clause.path.length === 1);
  const generalNotes = topGeneral.map(({ clause, index }) => ({
    label: clause.title,
    text: textOf(clauseLines(generalClauses, index)),
    range: clauseRange(generalClauses, index),
  }));
  const descriptionOf = (name: string) => {
    const index = generalClauses.findIndex((clause) => clause.path.length === 2 && name.startsWith(clause.title));
    return index >= 0 ? textOf(clauseLines(generalClauses, index)) : undefined;
  };

  const allForms = hotlineForms(item, appendices);
  const sharedAppendices = appendices
    .filter((part) => part.name === "A" || part.name === "B")
    .map((part) => appendixOf(part.name === "A" ? "rules" : "reference", appendixTitle(part), part.lines.slice(1)));
  for (const part of appendices.filter((candidate) => candidate.name === "C")) {
    unextractedParts.push(unextracted(`附录 C ${appendixTitle(part)}（图片，正文中缺失）`, part.line, part.lines.filter((line) => line.text.trim() !== "").pop()?.no ?? part.line));
  }
  const sample = appendices.find((part) => part.name === "E")?.lines.find((line) => /^例[：:]/.test(line.text));
  if (sample) unextractedParts.push(unextracted("附录 E 示例行（样例数据，不作为表单字段）", sample.no, sample.no));

  const services = flows.map((part, i) => {
    const code = serviceCode(seq, i + 1);
    const parts = new PartRanges();
    const guide: Guide = emptyGuide();
    const clauses = findClauses(part.lines).clauses;
    const byTitle = (pattern: RegExp) => clauses.findIndex((clause) => clause.path.length === 1 && pattern.test(clause.title));
    const field = (pattern: RegExp, key: string, apply: (lines: SourceLine[]) => void) => {
      const index = byTitle(pattern);
      if (index < 0) return;
      apply(clauseLines(clauses, index));
      parts.add(key, clauseRange(clauses, index));
    };
    field(/办理条件/, "guide.conditions", (lines) => {
      guide.conditions = listItemsOf(lines).map((entry) => entry.text);
      const who = /^(.+?)拨打/.exec(guide.conditions[0] ?? "");
      if (who) guide.audience = who[1].split(/和|、/).map(trimPunctuation);
    });
    field(/办理渠道/, "guide.channels", (lines) => (guide.channels = channelsOf(lines)));
    field(/办理时限/, "guide.promisedLimit", (lines) => (guide.promisedLimit = statedLimits(textOf(lines))));
    field(/收费标准/, "guide.fee", (lines) => (guide.fee = feeOf(textOf(lines))));
    guide.caseType = caseTypeFromLimits(guide.promisedLimit);
    guide.description = descriptionOf(part.name) ?? textOf(clauseLines(clauses, Math.max(0, clauses.findIndex((clause) => /受理内容/.test(clause.title)))));
    const acceptance = clauses.findIndex((clause) => clause.path.length === 1 && /^受理$/.test(clause.title));
    if (acceptance >= 0) {
      guide.operationNotes.push({
        step: "受理",
        notes: childClauses(clauses, acceptance).map(childText),
      });
      parts.add("guide.operationNotes", clauseRange(clauses, acceptance));
    }
    for (const note of generalNotes) {
      addNote(guide, note.label, note.text);
      parts.add(`guide.notes.${note.label}`, note.range);
    }
    guide.levels = parseLevels(generalNotes.find((note) => /线路设置/.test(note.label))?.text ?? "");

    const forms = formsFor(part.name, allForms).map((form) => ({ ...form, id: `${code}-${form.id.replace(/^s145-/, "")}` }));
    for (const form of forms) if (form.source) parts.add(`forms.${form.id}`, form.source);
    const steps = hotlineSteps(clauses, forms.map((form) => form.id));
    parts.add("flow", { first: part.line, last: part.lines.filter((line) => line.text.trim() !== "").pop()?.no ?? part.line });
    const flow = buildFlow(steps, { derivation: "text" });
    const chart = clauses.find((clause) => /流程图/.test(clause.title));
    if (chart) addNote(guide, "流程图", trimPunctuation(textOf(chart.body)));

    const last = part.lines.filter((line) => line.text.trim() !== "").pop()?.no ?? part.line;
    return assembleService(item, {
      code,
      title: `12333${part.name}`,
      group: groupOf(item),
      summary: `${cleanText(item.entry.titleInToc).replace(/\s+/g, "")}：${part.name}`,
      guide,
      forms,
      flow,
      appendices: sharedAppendices.map((entry) => ({ ...entry })),
      range: { first: part.line, last },
      parts,
    });
  });
  return { services, attachments: [], unextracted: unextractedParts };
};

