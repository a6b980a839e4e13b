/**
 * Decision outcomes and document texts for the seeded templates.
 *
 * Outcomes come from the documents a service's text names for its decision:
 * - a pair 《X决定书》 / 《不予X决定书》 named at a step (工伤认定: 《认定工伤决定书》或者
 *   《不予认定工伤决定书》, at 作出决定) gives that step the outcomes X and 不予X — the first
 *   such step, since later ones (文书送达) deliver the same documents; decisions on
 *   acceptance (受理决定书) are the acceptance step's own actions, not outcomes;
 * - a 《…准予…决定书》 the text gives as the result (劳务派遣经营准予行政许可决定书) gives the
 *   step that ends the case 准予 and 不予 (行政许可法 第三十八条: refusals state their reasons).
 * Unfavourable outcomes always require a reason. Every template gets the default texts of the
 * documents its flow can issue (runtime/definition/documents.ts), which administrators edit.
 */
import { defaultDocuments } from "@/runtime/definition/documents";
import type { DecisionOutcome, ServiceDefinition, ServiceDefinitionInput, TaskNode } from "@/runtime/definition/schema";

const NAMED_DECISION = /《([^《》]{2,30}决定书)》/g;

function namedDocuments(text: string): string[] {
  return [...new Set([...text.matchAll(NAMED_DECISION)].map((m) => m[1]))];
}

/** 《认定工伤决定书》 + 《不予认定工伤决定书》 → outcomes 认定工伤 / 不予认定工伤. */
export function pairedOutcomes(names: string[]): DecisionOutcome[] | null {
  for (const name of names) {
    if (name.startsWith("不予") || /受理/.test(name)) continue;
    const refusal = `不予${name}`;
    if (!names.includes(refusal)) continue;
    const label = name.replace(/决定书$/, "");
    return [
      { id: "granted", label, favourable: true, requiresReason: false, documentTitle: name },
      { id: "denied", label: `不予${label}`, favourable: false, requiresReason: true, documentTitle: refusal },
    ];
  }
  return null;
}

/** 劳务派遣经营准予行政许可决定书 → 准予行政许可 / 不予行政许可 with their documents. */
export function grantOutcomes(text: string): DecisionOutcome[] | null {
  const match = /([^\s"“《》，。：、]{0,12})准予([^\s"”《》，。：、]{1,12})决定书/.exec(text);
  if (!match) return null;
  const [title, prefix, what] = match;
  return [
    { id: "granted", label: `准予${what}`, favourable: true, requiresReason: false, documentTitle: title },
    { id: "denied", label: `不予${what}`, favourable: false, requiresReason: true, documentTitle: `${prefix}不予${what}决定书` },
  ];
}

type Node = ServiceDefinitionInput["flow"]["nodes"][number];
const isStaffTask = (node: Node): node is Extract<Node, { type: "task" }> => node.type === "task" && node.role !== "applicant";

/** The template with its decision outcomes (where its text names them) and its documents' default texts. */
export function withDecisions(service: ServiceDefinitionInput): ServiceDefinitionInput {
  const nodes = service.flow.nodes.map((node) => ({ ...node }));
  let decided = false;
  for (const node of nodes) {
    if (!isStaffTask(node)) continue;
    const outcomes = pairedOutcomes(namedDocuments((node.checkpoints ?? []).join("\n")));
    if (outcomes) {
      (node as TaskNode).outcomes = outcomes;
      decided = true;
      break;
    }
  }
  if (!decided) {
    const outcomes = grantOutcomes(JSON.stringify({ guide: service.guide, appendices: service.appendices ?? [], forms: service.forms.map((f) => f.title) }));
    const endIds = new Set(nodes.filter((n) => n.type === "end" && n.outcome === "completed").map((n) => n.id));
    const closing = nodes.find((n) => isStaffTask(n) && service.flow.edges.some((e) => e.from === n.id && endIds.has(e.to)));
    if (outcomes && closing) (closing as TaskNode).outcomes = outcomes;
  }
  const flow = { ...service.flow, nodes };
  return { ...service, flow, documents: defaultDocuments({ flow } as Pick<ServiceDefinition, "flow">) };
}
