"use client";
/** 办事指南: the service's basic data and every field of its guide. */
import type { ReactNode } from "react";
import type { Guide, Level, ServiceDefinition, TimeLimit } from "@/runtime/definition/schema";
import { levelLabels, limitUnitLabels } from "@/runtime/definition/labels";
import { checkboxLabelClass, inputClass, labelClass } from "../ui/classes";
import { LinesInput } from "./LinesInput";
import { ItemMark } from "../variant/ItemMark";
import { useItemLocked, useVariant } from "../variant/VariantContext";
import { KindMarks } from "../variant/KindMarks";
import { RowsEditor } from "./RowsEditor";

type Change = (definition: ServiceDefinition, group?: string | null) => void;

const limitUnits = [
  ...(["workday", "day", "instant"] as const).map((unit) => ({ value: unit, label: limitUnitLabels[unit] })),
  { value: "", label: "未说明" },
];

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-3 rounded-lg border bg-background p-4">
      <h2 className="font-semibold">{title}</h2>
      {children}
    </section>
  );
}

/** A guide item with its variant mark; locked by the parent, its controls are disabled. */
function GuideItem({ itemKey, children }: { itemKey: string; children: ReactNode }) {
  const locked = useItemLocked(itemKey);
  return (
    <div className="space-y-1">
      <ItemMark itemKey={itemKey} />
      <fieldset disabled={locked} className="min-w-0">
        {children}
      </fieldset>
    </div>
  );
}

function limitRows(legend: string, rows: TimeLimit[], onChange: (rows: TimeLimit[], group?: string | null) => void, group: string) {
  return (
    <RowsEditor<TimeLimit & Record<string, unknown>>
      legend={legend}
      rows={rows as (TimeLimit & Record<string, unknown>)[]}
      group={group}
      columns={[
        { key: "text", label: "原文表述", kind: "text" },
        { key: "days", label: "天数", kind: "number" },
        { key: "unit", label: "单位", kind: "select", options: limitUnits },
        { key: "channel", label: "渠道（如 线上）", kind: "text", optional: true },
      ]}
      empty={() => ({ text: "", days: null, unit: "workday" })}
      onChange={onChange}
    />
  );
}

export function GuideEditor({ definition, onChange }: { definition: ServiceDefinition; onChange: Change }) {
  const guide = definition.guide;
  /** `typing` merges consecutive edits of one field into one undo step. */
  const setGuide = <K extends keyof Guide>(key: K, value: Guide[K], typing?: "typing") =>
    onChange({ ...definition, guide: { ...guide, [key]: value } }, typing ? `guide:${String(key)}` : null);
  const setBasic = (patch: Partial<ServiceDefinition>, group: string) => onChange({ ...definition, ...patch }, `basic:${group}`);
  const archive = guide.archive;
  // A local variant's name and group are its parent's (the server keeps them so whatever is sent).
  const identityFixed = useVariant() !== null;
  return (
    <div className="space-y-4">
      <Section title="基本信息">
        <div className="grid gap-3 md:grid-cols-2">
          <label className={labelClass}>
            事项名称
            <input className={inputClass} readOnly={identityFixed} aria-readonly={identityFixed || undefined} value={definition.title} onChange={(e) => setBasic({ title: e.target.value }, "title")} />
          </label>
          <label className={labelClass}>
            事项编码
            <input className={`${inputClass} font-mono`} value={definition.code} readOnly aria-readonly="true" />
          </label>
          <label className={labelClass}>
            所属部分
            <input className={inputClass} readOnly={identityFixed} aria-readonly={identityFixed || undefined} value={definition.group.part} onChange={(e) => setBasic({ group: { ...definition.group, part: e.target.value } }, "part")} />
          </label>
          <label className={labelClass}>
            分类
            <input className={inputClass} readOnly={identityFixed} aria-readonly={identityFixed || undefined} value={definition.group.category} onChange={(e) => setBasic({ group: { ...definition.group, category: e.target.value } }, "category")} />
          </label>
        </div>
        {identityFixed && <p className="text-xs text-muted-foreground">本地版本的事项名称、编码和分组沿用上级，不能修改。</p>}
        <GuideItem itemKey="summary">
          <label className={labelClass}>
            事项概述（办事大厅列表中显示）
            <textarea className={`${inputClass} h-20`} value={definition.summary} onChange={(e) => setBasic({ summary: e.target.value }, "summary")} />
          </label>
        </GuideItem>
      </Section>

      <Section title="办理条件与对象">
        <GuideItem itemKey="guide.description">
          <label className={labelClass}>
            事项描述
            <textarea className={`${inputClass} h-24`} value={guide.description ?? ""} onChange={(e) => setGuide("description", e.target.value || undefined, "typing")} />
          </label>
        </GuideItem>
        <GuideItem itemKey="guide.conditions">
          <LinesInput label="办理条件" lines={guide.conditions} group="guide:conditions" onChange={(v, g) => onChange({ ...definition, guide: { ...guide, conditions: v } }, g)} />
        </GuideItem>
        <GuideItem itemKey="guide.audience">
          <LinesInput label="服务对象" lines={guide.audience} group="guide:audience" onChange={(v, g) => onChange({ ...definition, guide: { ...guide, audience: v } }, g)} />
        </GuideItem>
        <fieldset className="flex flex-wrap gap-4">
          <legend className="text-sm font-medium">办理层级</legend>
          {(Object.keys(levelLabels) as Level[]).map((level) => (
            <label key={level} className={checkboxLabelClass}>
              <input
                type="checkbox"
                checked={guide.levels.includes(level)}
                onChange={(e) => setGuide("levels", e.target.checked ? [...guide.levels, level] : guide.levels.filter((l) => l !== level))}
              />
              {levelLabels[level]}
            </label>
          ))}
        </fieldset>
      </Section>

      <Section title="时限与办理方式">
        <label className={labelClass}>
          办件类型
          <select className={inputClass} value={guide.caseType ?? ""} onChange={(e) => setGuide("caseType", (e.target.value || null) as Guide["caseType"])}>
            <option value="">未说明</option>
            <option value="instant">即办件</option>
            <option value="promised">承诺件</option>
          </select>
        </label>
        <GuideItem itemKey="guide.legalLimit">
          {limitRows("法定办结时限", guide.legalLimit, (rows, g) => onChange({ ...definition, guide: { ...guide, legalLimit: rows } }, g), "guide:legalLimit")}
        </GuideItem>
        <GuideItem itemKey="guide.promisedLimit">
          {limitRows("承诺办结时限", guide.promisedLimit, (rows, g) => onChange({ ...definition, guide: { ...guide, promisedLimit: rows } }, g), "guide:promisedLimit")}
        </GuideItem>
        <GuideItem itemKey="guide.channels">
          <LinesInput label="办理渠道" lines={guide.channels} group="guide:channels" onChange={(v, g) => onChange({ ...definition, guide: { ...guide, channels: v } }, g)} />
        </GuideItem>
        <div className="grid gap-3 md:grid-cols-2">
          <GuideItem itemKey="guide.onlineAddress">
            <label className={labelClass}>
              网上办理地址
              <input className={inputClass} value={guide.onlineAddress ?? ""} onChange={(e) => setGuide("onlineAddress", e.target.value || null, "typing")} />
            </label>
          </GuideItem>
          <GuideItem itemKey="guide.officeAddress">
            <label className={labelClass}>
              窗口办理地址
              <input className={inputClass} value={guide.officeAddress ?? ""} onChange={(e) => setGuide("officeAddress", e.target.value || null, "typing")} />
            </label>
          </GuideItem>
        </div>
        <GuideItem itemKey="guide.fee">
          <div className="flex flex-wrap items-end gap-3">
            <label className={`${labelClass} flex-1`}>
              收费说明
              <input className={inputClass} value={guide.fee?.text ?? ""} onChange={(e) => setGuide("fee", e.target.value ? { text: e.target.value, free: guide.fee?.free ?? false } : null, "typing")} />
            </label>
            <label className={checkboxLabelClass}>
              <input type="checkbox" checked={guide.fee?.free ?? false} onChange={(e) => setGuide("fee", { text: guide.fee?.text || (e.target.checked ? "不收费" : "收费"), free: e.target.checked })} />
              不收费
            </label>
          </div>
        </GuideItem>
      </Section>

      <Section title="依据与要求">
        <KindMarks kind="legalBasis" title="设定依据" />
        <RowsEditor<Guide["legalBasis"][number]>
          legend="设定依据"
          rows={guide.legalBasis}
          group="guide:legalBasis"
          columns={[
            { key: "title", label: "名称", kind: "text" },
            { key: "docNo", label: "文号", kind: "text", optional: true },
            { key: "level", label: "层级", kind: "text", optional: true },
            { key: "clause", label: "条款", kind: "text", optional: true },
          ]}
          empty={() => ({ title: "" })}
          onChange={(rows, g) => onChange({ ...definition, guide: { ...guide, legalBasis: rows } }, g)}
        />
        <RowsEditor<Guide["preChecks"][number]>
          legend="前置核验"
          rows={guide.preChecks}
          group="guide:preChecks"
          columns={[
            { key: "check", label: "核验内容", kind: "text" },
            { key: "who", label: "对象", kind: "text", optional: true },
            {
              key: "mandatory",
              label: "是否必须",
              kind: "select",
              options: [
                { value: "", label: "未说明" },
                { value: "true", label: "必须" },
                { value: "false", label: "非必须" },
              ],
            },
          ]}
          empty={() => ({ check: "", mandatory: null })}
          onChange={(rows, g) => onChange({ ...definition, guide: { ...guide, preChecks: rows.map((r) => ({ ...r, mandatory: r.mandatory === null ? null : String(r.mandatory) === "true" })) } }, g)}
        />
        <RowsEditor<Guide["dataSharing"][number]>
          legend="数据共享需求"
          rows={guide.dataSharing}
          group="guide:dataSharing"
          columns={[
            { key: "need", label: "需求", kind: "text" },
            { key: "method", label: "方式", kind: "text", optional: true },
            { key: "provider", label: "提供单位", kind: "text", optional: true },
            { key: "goal", label: "目的", kind: "text", optional: true },
            { key: "info", label: "信息项", kind: "text", optional: true },
          ]}
          empty={() => ({ need: "" })}
          onChange={(rows, g) => onChange({ ...definition, guide: { ...guide, dataSharing: rows } }, g)}
        />
        <RowsEditor<Guide["risks"][number]>
          legend="风险点"
          rows={guide.risks}
          group="guide:risks"
          columns={[
            { key: "step", label: "业务环节", kind: "text" },
            { key: "risk", label: "风险", kind: "text" },
            { key: "control", label: "防控措施", kind: "text", optional: true },
          ]}
          empty={() => ({ step: null, risk: "" })}
          onChange={(rows, g) => onChange({ ...definition, guide: { ...guide, risks: rows.map((r) => ({ ...r, step: r.step || null })) } }, g)}
        />
        <RowsEditor<Guide["operationNotes"][number]>
          legend="操作要点"
          rows={guide.operationNotes}
          group="guide:operationNotes"
          columns={[
            { key: "step", label: "环节", kind: "text" },
            { key: "notes", label: "要点", kind: "lines" },
          ]}
          empty={() => ({ step: "", notes: [] })}
          onChange={(rows, g) => onChange({ ...definition, guide: { ...guide, operationNotes: rows } }, g)}
        />
        <fieldset className="space-y-2 rounded-md border p-3">
          <legend className="px-1 text-sm font-medium">归档要求</legend>
          <label className={checkboxLabelClass}>
            <input type="checkbox" checked={archive !== null} onChange={(e) => setGuide("archive", e.target.checked ? { types: [], catalogue: [] } : null)} />
            需要归档
          </label>
          {archive && (
            <div className="grid gap-2 md:grid-cols-2">
              <label className={labelClass}>
                保管期限
                <input className={inputClass} value={archive.retention ?? ""} onChange={(e) => setGuide("archive", { ...archive, retention: e.target.value || undefined }, "typing")} />
              </label>
              <label className={labelClass}>
                保存方式
                <input className={inputClass} value={archive.storage ?? ""} onChange={(e) => setGuide("archive", { ...archive, storage: e.target.value || undefined }, "typing")} />
              </label>
              <LinesInput label="归档材料" lines={archive.types} group="guide:archive:types" onChange={(v, g) => onChange({ ...definition, guide: { ...guide, archive: { ...archive, types: v } } }, g)} />
              <LinesInput label="归档目录" lines={archive.catalogue} group="guide:archive:catalogue" onChange={(v, g) => onChange({ ...definition, guide: { ...guide, archive: { ...archive, catalogue: v } } }, g)} />
            </div>
          )}
        </fieldset>
        <KindMarks kind="note" title="其他说明" />
        <RowsEditor<Guide["notes"][number]>
          legend="其他说明（服务时间、咨询方式等）"
          rows={guide.notes}
          group="guide:notes"
          columns={[
            { key: "label", label: "标题", kind: "text" },
            { key: "text", label: "内容", kind: "text" },
          ]}
          empty={() => ({ label: "", text: "" })}
          onChange={(rows, g) => onChange({ ...definition, guide: { ...guide, notes: rows } }, g)}
        />
      </Section>
    </div>
  );
}
