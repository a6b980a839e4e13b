"use client";
/**
 * 文书: the decision steps' outcomes (认定工伤 / 不予认定工伤 …) and the texts of the formal
 * documents the service issues (受理通知书, 一次性告知书, the decision documents …), each with a
 * preview filled with sample facts. A text not edited here is the default; editing it makes it
 * the service's own (a local variant's own: item `document/<kind>`), and 恢复默认 drops it.
 */
import { useId, useState } from "react";
import type { DecisionOutcome, DocumentTemplate, ServiceDefinition, TaskNode } from "@/runtime/definition/schema";
import {
  documentPlaceholders,
  documentsOf,
  renderDocument,
  unknownPlaceholders,
  type DocumentFacts,
} from "@/runtime/definition/documents";
import { buttonClass, inputClass, labelClass, smallButtonClass } from "../ui/classes";
import { ItemMark } from "../variant/ItemMark";
import { useItemLocked } from "../variant/VariantContext";
import { RowsEditor } from "../guide/RowsEditor";

type Change = (definition: ServiceDefinition, group?: string | null) => void;

const SAMPLE: DocumentFacts = {
  申请人: "张三",
  服务事项: "（本事项）",
  办件编号: "NM20261205000001",
  提交日期: "2026年12月1日",
  受理日期: "2026年12月2日",
  决定日期: "2026年12月5日",
  办理机构: "新城区人力资源和社会保障局",
  决定: "（决定结果）",
  理由: "（决定理由）",
  金额: "12000元",
  补正清单: ["（第一项需补正的材料）", "（第二项需补正的材料）"],
};

function setDocument(definition: ServiceDefinition, template: DocumentTemplate): ServiceDefinition {
  const own = definition.documents ?? [];
  const exists = own.some((d) => d.kind === template.kind);
  return { ...definition, documents: exists ? own.map((d) => (d.kind === template.kind ? template : d)) : [...own, template] };
}

function OutcomesEditor({ definition, onChange }: { definition: ServiceDefinition; onChange: Change }) {
  const uid = useId();
  const steps = definition.flow.nodes.filter((n): n is TaskNode => n.type === "task" && n.role !== "applicant");
  const [nodeId, setNodeId] = useState(steps.find((s) => (s.outcomes ?? []).length > 0)?.id ?? steps[0]?.id ?? "");
  const node = steps.find((s) => s.id === nodeId);
  const locked = useItemLocked(`node/${nodeId}`);
  const setOutcomes = (outcomes: DecisionOutcome[], group?: string | null) =>
    onChange(
      {
        ...definition,
        flow: { ...definition.flow, nodes: definition.flow.nodes.map((n) => (n.id === nodeId && n.type === "task" ? { ...n, outcomes: outcomes.length ? outcomes : undefined } : n)) },
      },
      group,
    );
  return (
    <section className="space-y-3 rounded-lg border bg-background p-4" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`} className="font-semibold">决定结果</h2>
      <p className="text-sm text-muted-foreground">
        作出决定的环节列出可选的决定结果；办理时选择“通过/办结”类操作须选定其一。“不予”类结果必须填写理由，并写入所出具的决定书。
      </p>
      <label className={labelClass}>
        环节
        <select className={inputClass} value={nodeId} onChange={(e) => setNodeId(e.target.value)}>
          {steps.map((s) => (
            <option key={s.id} value={s.id}>{s.label}{(s.outcomes ?? []).length ? `（${(s.outcomes ?? []).length} 个决定结果）` : ""}</option>
          ))}
        </select>
      </label>
      {node && (
        <fieldset disabled={locked} className="min-w-0">
          <RowsEditor<DecisionOutcome & Record<string, unknown>>
            legend={`“${node.label}”的决定结果`}
            rows={(node.outcomes ?? []) as (DecisionOutcome & Record<string, unknown>)[]}
            group={`outcomes:${node.id}`}
            columns={[
              { key: "id", label: "编码（字母）", kind: "text" },
              { key: "label", label: "决定结果", kind: "text" },
              { key: "favourable", label: "有利于申请人", kind: "bool" },
              { key: "requiresReason", label: "须说明理由", kind: "bool" },
              { key: "amountLabel", label: "核定金额名称（选填）", kind: "text", optional: true },
              { key: "documentTitle", label: "出具文书", kind: "text" },
            ]}
            empty={() => ({ id: `outcome${(node.outcomes ?? []).length + 1}`, label: "", favourable: true, requiresReason: false, documentTitle: "决定书" })}
            onChange={(rows, group) => setOutcomes(rows, group)}
          />
        </fieldset>
      )}
    </section>
  );
}

function DocumentEditor({ template, own, title, onChange, onRestore }: { template: DocumentTemplate; own: boolean; title: string; onChange: (t: DocumentTemplate) => void; onRestore: () => void }) {
  const uid = useId();
  const itemKey = `document/${template.kind}`;
  const locked = useItemLocked(itemKey);
  const unknown = unknownPlaceholders(`${template.body}\n${template.rightsNotice}`);
  const preview = renderDocument(template, { ...SAMPLE, 服务事项: title });
  return (
    <section className="space-y-3 rounded-lg border bg-background p-4" aria-labelledby={`${uid}-title`} data-document-kind={template.kind}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={`${uid}-title`} className="font-semibold">《{template.title}》</h3>
        <span className="text-xs text-muted-foreground">{own ? "本事项的文本" : "默认文本"}</span>
      </div>
      <ItemMark itemKey={itemKey} />
      <fieldset disabled={locked} className="grid min-w-0 gap-3 lg:grid-cols-2">
        <div className="space-y-2">
          <label className={labelClass}>
            文书名称
            <input className={inputClass} value={template.title} maxLength={60} onChange={(e) => onChange({ ...template, title: e.target.value })} />
          </label>
          <label className={labelClass}>
            正文（段落之间空一行）
            <textarea className={`${inputClass} font-mono`} rows={8} maxLength={8000} value={template.body} onChange={(e) => onChange({ ...template, body: e.target.value })} />
          </label>
          <label className={labelClass}>
            救济途径告知（行政复议、行政诉讼及期限；无须告知的留空）
            <textarea className={inputClass} rows={3} maxLength={1000} value={template.rightsNotice} onChange={(e) => onChange({ ...template, rightsNotice: e.target.value })} />
          </label>
          {unknown.length > 0 && (
            <p role="alert" className="text-sm text-destructive">无法识别的占位符：{unknown.map((u) => `{${u}}`).join("、")}</p>
          )}
          {own && (
            <button type="button" className={smallButtonClass} onClick={onRestore}>恢复默认文本</button>
          )}
        </div>
        <div aria-label={`《${template.title}》预览`} role="group" className="rounded-md border bg-white p-4 text-sm leading-7 text-black" style={{ fontFamily: '"Noto Serif CJK SC", "Songti SC", serif' }}>
          <p className="text-center text-base font-bold">{preview.title}</p>
          <p className="mt-2">{SAMPLE.申请人}：</p>
          {preview.paragraphs.map((p, i) => <p key={i} className={/^\d+\. /.test(p) ? "pl-[2em]" : "indent-[2em]"}>{p}</p>)}
          {preview.rightsNotice && <p className="indent-[2em]">{preview.rightsNotice}</p>}
          <p className="mt-4 text-right">{SAMPLE.办理机构}</p>
          <p className="text-right">{SAMPLE.决定日期}</p>
        </div>
      </fieldset>
    </section>
  );
}

export function DocumentsEditor({ definition, onChange }: { definition: ServiceDefinition; onChange: Change }) {
  const documents = documentsOf(definition);
  const [showHelp, setShowHelp] = useState(false);
  return (
    <div className="space-y-4">
      <OutcomesEditor definition={definition} onChange={onChange} />
      <section className="space-y-2">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 className="font-semibold">文书文本</h2>
          <button type="button" className={buttonClass} aria-expanded={showHelp} onClick={() => setShowHelp(!showHelp)}>可用占位符</button>
        </div>
        {showHelp && (
          <dl className="grid grid-cols-[8rem_1fr] gap-y-1 rounded-md border bg-muted/30 p-3 text-sm">
            {Object.entries(documentPlaceholders).map(([name, meaning]) => (
              <div key={name} className="contents"><dt className="font-mono">{`{${name}}`}</dt><dd>{meaning}</dd></div>
            ))}
          </dl>
        )}
        <p className="text-sm text-muted-foreground">出具机构名称、地址、咨询电话（办事指南所载的电话，另加 12333 热线）、文书编号和核验二维码由系统在文书上自动加印。</p>
      </section>
      {documents.map(({ template, own }) => (
        <DocumentEditor
          key={template.kind}
          template={template}
          own={own}
          title={definition.title}
          onChange={(t) => onChange(setDocument(definition, t), `document:${t.kind}`)}
          onRestore={() => onChange({ ...definition, documents: (definition.documents ?? []).filter((d) => d.kind !== template.kind) })}
        />
      ))}
    </div>
  );
}
