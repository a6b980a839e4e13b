/**
 * What the designer shows of a local variant: each item's state against the parent (沿用上级 /
 * 本地修改 / 本地新增 / 本地删除), whether the parent locked it, and the parent's value in words.
 * Pure and browser-safe.
 */
import type { ServiceDefinition, TimeLimit } from "@/runtime/definition/schema";
import { itemStates, kindOfKey, type ItemStatus } from "@/runtime/definition/variant";
import { limitWords } from "@/runtime/definition/timeLimits";
import { isObject } from "@/runtime/definition/json";

export interface VariantView {
  parent: ServiceDefinition;
  states: Map<string, ItemStatus>;
}

export function variantView(parent: ServiceDefinition, effective: ServiceDefinition): VariantView {
  return { parent, states: new Map(itemStates(parent, effective).map((s) => [s.key, s])) };
}

/** Items that differ from the parent (or every item with `all`), in the parent's order. */
export function differences(view: VariantView, all = false): ItemStatus[] {
  return [...view.states.values()].filter((s) => all || s.state !== "inherited");
}

/** A limit as written, with its parsed length when the wording does not state it: 「3个工作日（自受理之日起）」. */
function limitText(l: TimeLimit): string {
  const words = limitWords(l);
  const compact = (text: string) => text.replace(/\s+/g, "");
  const text = !l.text || compact(l.text) === compact(words) ? words : compact(l.text).includes(compact(words)) ? l.text : `${l.text}（${words}）`;
  return `${text}${l.channel && !text.includes(l.channel) ? `（${l.channel}）` : ""}`;
}

const clip = (text: string, max = 160) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** An item's value in a line of words, for 「上级的值」 beside the local one. */
export function describeItemValue(key: string, value: unknown): string {
  if (value === undefined) return "（无）";
  if (value === null || value === "") return "（空）";
  if (typeof value === "string") return clip(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const kind = kindOfKey(key);
  if ((key === "guide.promisedLimit" || key === "guide.legalLimit") && Array.isArray(value)) {
    return value.length ? (value as TimeLimit[]).map(limitText).join("；") : "（未规定）";
  }
  if (Array.isArray(value)) return value.length ? clip(value.map((v) => (typeof v === "string" ? v : JSON.stringify(v))).join("；")) : "（空）";
  if (!isObject(value)) return clip(JSON.stringify(value));
  if (key === "guide.fee") return `${String(value.text ?? "")}${value.free ? "（不收费）" : ""}`;
  if (kind === "material") return `${String(value.name)}，${value.required ? "必要" : "非必要"}${value.source ? `，${String(value.source)}` : ""}${value.kind ? `，${String(value.kind)}` : ""}`;
  if (kind === "legalBasis") return clip(`${String(value.title)}${value.docNo ? ` ${String(value.docNo)}` : ""}${value.clause ? ` ${String(value.clause)}` : ""}`);
  if (kind === "note") return clip(`${String(value.label)}：${String(value.text)}`);
  if (kind === "field") {
    const schema = isObject(value.schema) ? value.schema : {};
    return `${String(schema.title ?? "")}${value.required ? "（必填）" : "（选填）"}`;
  }
  if (kind === "node") {
    const sla = isObject(value.sla) ? `，时限 ${limitWords({ text: "", days: Number(value.sla.days), unit: value.sla.unit === "day" ? "day" : "workday" })}` : "";
    return `${String(value.label ?? "")}${sla}`;
  }
  if (kind === "edge") return clip(`${String(value.from)} → ${String(value.to)}${value.label ? `（${String(value.label)}）` : ""}`);
  if (kind === "form") return String(value.title ?? "");
  return clip(JSON.stringify(value));
}
