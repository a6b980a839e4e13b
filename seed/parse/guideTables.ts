/**
 * The small fixed-header tables of the service guides: 前置校验 (`单位/个人⇥校验内容⇥是否强制`),
 * 业务共享需求 (`需求点⇥共享方式⇥协同目标⇥共享提供方⇥需求信息`), 事项风险点
 * (`所属业务节点⇥风险点`) and the 内部业务经办流程 node table (`节点名称⇥经办科室/角色⇥节点经办时限`).
 * Each reader takes a table (header row first) and skips `无` rows. Beside them, the material a
 * 材料列表 row states, whichever layout found its columns.
 */
import type { Guide, Material } from "@/runtime/definition/schema";
import { slaFromLimit, type StepSpec } from "../flow/build";
import { parseTimeLimits } from "./limits";
import { headerNames, type TableBlock } from "./text/tables";

type Row = string[];

/** `是` → true, `否` → false, anything else null. */
export function yesNo(text: string | undefined): boolean | null {
  const value = (text ?? "").replace(/\s+/g, "");
  if (/^(是|需要|必须)/.test(value)) return true;
  if (/^(否|不需要|非必须)/.test(value)) return false;
  return null;
}

/** The cells of a 材料列表 row a material is read from, by what they state. */
export type MaterialCell = "source" | "kind" | "medium" | "requirement" | "keepPaper" | "sharing";

/**
 * The material of a 材料列表 row: empty cells are null, 非必要 / 非必须 / 可选 / 容缺 in 必要性 make it
 * optional and that cell is kept as its requirement text; 留存纸质 and 信息共享 are 是 / 否.
 */
export function materialFromRow(
  fields: { id: string; name: string; copies: number | null; scenario: string | null },
  cell: (key: MaterialCell) => string,
): Material {
  const requirement = cell("requirement");
  const material: Material = {
    id: fields.id,
    name: fields.name,
    source: cell("source") || null,
    kind: cell("kind") || null,
    copies: fields.copies,
    medium: cell("medium") || null,
    required: !/非必要|非必须|可选|容缺/.test(requirement),
    keepPaper: yesNo(cell("keepPaper")),
    obtainableBySharing: yesNo(cell("sharing")),
    scenario: fields.scenario,
    formId: null,
  };
  if (requirement !== "") material.requirementText = requirement;
  return material;
}

function isNothing(text: string): boolean {
  return /^(无|暂无|\/|—*)[。.]?$/.test(text.replace(/\s+/g, ""));
}

/** A row reader that finds columns by header name (first matching pattern wins). */
function columnsOf(header: Row, patterns: Record<string, RegExp>): (row: Row, key: string) => string {
  const names = headerNames(header);
  const index = Object.fromEntries(
    Object.entries(patterns).map(([key, pattern]) => [key, names.findIndex((name) => pattern.test(name))]),
  );
  return (row, key) => (index[key] >= 0 ? (row[index[key]] ?? "").trim() : "");
}

/** Which table a header row starts, if any of the known ones. */
export function tableKind(header: Row): "preChecks" | "dataSharing" | "risks" | "nodes" | null {
  const names = headerNames(header).join("|");
  if (/校验内容/.test(names)) return "preChecks";
  if (/需求点/.test(names) && /共享/.test(names)) return "dataSharing";
  if (/风险点/.test(names) && /节点/.test(names)) return "risks";
  if (/节点名称/.test(names)) return "nodes";
  return null;
}

export function preChecksFromTable(rows: Row[]): Guide["preChecks"] {
  const cell = columnsOf(rows[0], { who: /单位|个人/, check: /校验内容/, mandatory: /强制/ });
  return rows.slice(1).flatMap((row) => {
    const check = cell(row, "check");
    if (check === "" || isNothing(check)) return [];
    const who = cell(row, "who");
    return [{ check, ...(who !== "" ? { who } : {}), mandatory: yesNo(cell(row, "mandatory")) }];
  });
}

export function dataSharingFromTable(rows: Row[]): Guide["dataSharing"] {
  const cell = columnsOf(rows[0], {
    need: /需求点/,
    method: /共享方式/,
    goal: /协同目标/,
    provider: /提供方/,
    info: /需求信息/,
  });
  return rows.slice(1).flatMap((row) => {
    const need = cell(row, "need");
    if (need === "" || isNothing(need)) return [];
    const entry: Guide["dataSharing"][number] = { need };
    for (const key of ["method", "goal", "provider", "info"] as const) {
      const value = cell(row, key);
      if (value !== "") entry[key] = value;
    }
    return [entry];
  });
}

export function risksFromTable(rows: Row[]): Guide["risks"] {
  const cell = columnsOf(rows[0], { step: /节点/, risk: /风险点/ });
  return rows.slice(1).flatMap((row) => {
    const risk = cell(row, "risk");
    if (risk === "" || isNothing(risk)) return [];
    const step = cell(row, "step");
    return [{ step: step === "" || isNothing(step) ? null : step, risk }];
  });
}

/**
 * Flow steps of a `节点名称⇥经办科室/角色⇥节点经办时限` table: one step per node with its SLA
 * (`5 个工作日`; a bare number is read as working days, as the column states 时限 in the
 * unit the item's limits use).
 */
export function stepsFromNodeTable(table: TableBlock): StepSpec[] {
  const cell = columnsOf(table.rows[0], { name: /节点名称/, role: /科室|角色/, limit: /时限/ });
  return table.rows.slice(1).flatMap((row) => {
    const label = cell(row, "name").replace(/\s+/g, "");
    if (label === "") return [];
    const limitText = cell(row, "limit");
    const limit = /^\d+$/.test(limitText)
      ? { days: Number(limitText), unit: "workday" as const }
      : slaFromLimit(parseTimeLimits(limitText)[0]);
    return [{ label, sla: limit, source: { first: table.first, last: table.last } }];
  });
}
