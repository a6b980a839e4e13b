/**
 * How the designer's lists of steps name each one (an action's 通向, 添加连线到): its label, and
 * where another step in the list has the same label (a 办结 step beside the 办结 end), its type —
 * 「办结（办理步骤）」「办结（结束）」 — and its id when even the type is the same. With `withId`
 * every entry shows its id: 「办结（done）」. Pure.
 */
import type { FlowNode } from "@/runtime/definition/schema";
import { nodeTypeLabels } from "@/runtime/definition/labels";

export function nodeChoiceLabels(nodes: readonly FlowNode[], options: { withId?: boolean } = {}): Map<string, string> {
  const count = (key: (n: FlowNode) => string) => {
    const counts = new Map<string, number>();
    for (const n of nodes) counts.set(key(n), (counts.get(key(n)) ?? 0) + 1);
    return (n: FlowNode) => counts.get(key(n)) ?? 0;
  };
  const byLabel = count((n) => n.label);
  const byLabelAndType = count((n) => `${n.type}\u0000${n.label}`);
  return new Map(
    nodes.map((n) => {
      if (options.withId) return [n.id, `${n.label}（${n.id}）`];
      if (byLabel(n) < 2) return [n.id, n.label];
      const type = nodeTypeLabels[n.type];
      return [n.id, byLabelAndType(n) < 2 ? `${n.label}（${type}）` : `${n.label}（${type}，${n.id}）`];
    }),
  );
}
