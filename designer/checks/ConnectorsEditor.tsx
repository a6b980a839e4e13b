"use client";
/**
 * 校验与共享: binds each 前置校验, 业务共享需求 and material obtainable by sharing to the connector
 * (runtime/definition/connectors.ts) that answers it, and a pre-check to the step it runs at
 * (受理 by default). Where the deployment has not configured a connector, caseworkers check by hand.
 */
import { CONNECTORS, connectorById, defaultBindings, unboundItems } from "@/runtime/definition/connectors";
import type { ConnectorBindings, ServiceDefinition } from "@/runtime/definition/schema";
import { buttonClass, inputClass, labelClass } from "../ui/classes";

type Change = (definition: ServiceDefinition) => void;

const empty: ConnectorBindings = { preChecks: [], dataSharing: [], materials: [] };

function StepSelect({ definition, value, onChange, label }: { definition: ServiceDefinition; value: string | undefined; onChange: (step: string | undefined) => void; label: string }) {
  const steps = definition.flow.nodes.filter((n) => n.type === "task" && n.role !== "applicant");
  return (
    <label className={labelClass}>
      {label}
      <select className={inputClass} value={value ?? ""} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">默认（第一个经办环节，通常为受理）</option>
        {steps.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function ConnectorsEditor({ definition, onChange, inherited }: { definition: ServiceDefinition; onChange: Change; inherited: boolean }) {
  const bindings = definition.connectors ?? empty;
  const set = (next: ConnectorBindings) => onChange({ ...definition, connectors: next });
  const unbound = unboundItems(definition);
  const unboundCount = unbound.preChecks.length + unbound.dataSharing.length + unbound.materials.length;
  const shareable = definition.materials.filter((m) => m.obtainableBySharing === true);

  const bindCheck = (check: string, patch: Partial<ConnectorBindings["preChecks"][number]>) => {
    const current = bindings.preChecks.find((b) => b.check === check);
    const base = current ?? { check, connector: "", fact: "" };
    const merged = { ...base, ...patch };
    const rest = bindings.preChecks.filter((b) => b.check !== check);
    set({ ...bindings, preChecks: merged.connector ? [...rest, merged] : rest });
  };
  const bindNeed = (need: string, patch: Partial<ConnectorBindings["dataSharing"][number]>) => {
    const current = bindings.dataSharing.find((b) => b.need === need) ?? { need, connector: "" };
    const merged = { ...current, ...patch };
    const rest = bindings.dataSharing.filter((b) => b.need !== need);
    set({ ...bindings, dataSharing: merged.connector ? [...rest, merged] : rest });
  };
  const bindMaterial = (materialId: string, connector: string) => {
    const rest = bindings.materials.filter((b) => b.materialId !== materialId);
    set({ ...bindings, materials: connector ? [...rest, { materialId, connector }] : rest });
  };
  const bindAll = () => {
    const defaults = defaultBindings(definition);
    set({
      preChecks: [...bindings.preChecks, ...defaults.preChecks.filter((d) => unbound.preChecks.includes(d.check))],
      dataSharing: [...bindings.dataSharing, ...defaults.dataSharing.filter((d) => unbound.dataSharing.includes(d.need))],
      materials: [...bindings.materials, ...defaults.materials.filter((d) => !bindings.materials.some((b) => b.materialId === d.materialId))],
    });
  };

  return (
    <div className="space-y-6" data-testid="connectors-editor">
      <p className="text-sm text-muted-foreground">
        把办事指南中的前置校验、业务共享需求和可共享获取的材料绑定到接口。受理（或所选环节）打开时自动调用；接口未配置或不可用时，由经办人员人工核验并留痕。
        {inherited && " 本地版本沿用上级模板的绑定，此处只读。"}
      </p>
      {!inherited && unboundCount > 0 && (
        <p className="flex flex-wrap items-center gap-2 rounded-md border border-amber-600/40 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          有 {unboundCount} 项尚未绑定接口。
          <button type="button" className={buttonClass} onClick={bindAll}>
            按默认规则绑定未绑定项
          </button>
        </p>
      )}

      <section aria-labelledby="bind-prechecks">
        <h2 id="bind-prechecks" className="font-semibold">前置校验</h2>
        {definition.guide.preChecks.length === 0 ? (
          <p className="text-sm text-muted-foreground">办事指南未列前置校验。</p>
        ) : (
          <ul className="mt-2 space-y-3">
            {definition.guide.preChecks.map((p, i) => {
              const b = bindings.preChecks.find((x) => x.check === p.check);
              const spec = b ? connectorById.get(b.connector) : undefined;
              return (
                <li key={i} className="grid gap-2 rounded-md border p-3 md:grid-cols-3">
                  <p className="text-sm md:col-span-3">
                    {p.check}
                    {p.mandatory && <span className="ml-1 text-xs text-red-900">（强制）</span>}
                  </p>
                  <label className={labelClass}>
                    接口（校验项 {i + 1}）
                    <select
                      className={inputClass}
                      value={b ? `${b.connector}/${b.fact}` : ""}
                      onChange={(e) => {
                        const [connector, fact] = e.target.value.split("/");
                        bindCheck(p.check, { connector: connector ?? "", fact: fact ?? "" });
                      }}
                    >
                      <option value="">未绑定</option>
                      {CONNECTORS.filter((c) => c.facts.length > 0).map((c) => (
                        <optgroup key={c.id} label={c.system}>
                          {c.facts.map((f) => (
                            <option key={f.key} value={`${c.id}/${f.key}`}>
                              {c.system}：{f.label}
                            </option>
                          ))}
                        </optgroup>
                      ))}
                    </select>
                  </label>
                  <StepSelect definition={definition} label={`执行环节（校验项 ${i + 1}）`} value={b?.step} onChange={(step) => b && bindCheck(p.check, { step })} />
                  <p className="self-end text-xs text-muted-foreground">{spec ? (spec.kind === "platform" ? "本平台数据" : `外部接口（环境变量 CONNECTOR_${spec.env}_URL）`) : "将由经办人员人工核验"}</p>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="bind-sharing">
        <h2 id="bind-sharing" className="font-semibold">业务共享需求</h2>
        {definition.guide.dataSharing.length === 0 ? (
          <p className="text-sm text-muted-foreground">办事指南未列业务共享需求。</p>
        ) : (
          <ul className="mt-2 space-y-3">
            {definition.guide.dataSharing.map((d, i) => {
              const b = bindings.dataSharing.find((x) => x.need === d.need);
              return (
                <li key={i} className="grid gap-2 rounded-md border p-3 md:grid-cols-3">
                  <p className="text-sm md:col-span-3">
                    {d.need}
                    {d.provider && <span className="ml-1 text-xs text-muted-foreground">（共享提供方：{d.provider}）</span>}
                  </p>
                  <label className={labelClass}>
                    接口（共享项 {i + 1}）
                    <select className={inputClass} value={b?.connector ?? ""} onChange={(e) => bindNeed(d.need, { connector: e.target.value })}>
                      <option value="">未绑定</option>
                      {CONNECTORS.filter((c) => c.fields.length > 0 && c.id !== "platformMaterials").map((c) => (
                        <option key={c.id} value={c.id}>
                          {c.system}
                        </option>
                      ))}
                    </select>
                  </label>
                  <StepSelect definition={definition} label={`获取环节（共享项 ${i + 1}）`} value={b?.step} onChange={(step) => b && bindNeed(d.need, { step })} />
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="bind-materials">
        <h2 id="bind-materials" className="font-semibold">可通过共享获取的材料</h2>
        {shareable.length === 0 ? (
          <p className="text-sm text-muted-foreground">没有标为“可通过共享获取”的材料。</p>
        ) : (
          <ul className="mt-2 space-y-3">
            {shareable.map((m) => {
              const b = bindings.materials.find((x) => x.materialId === m.id);
              return (
                <li key={m.id} className="rounded-md border p-3">
                  <label className={labelClass}>
                    {m.name}
                    <select className={inputClass} value={b?.connector ?? ""} onChange={(e) => bindMaterial(m.id, e.target.value)}>
                      <option value="">未绑定（申请人上传或人工核验）</option>
                      {CONNECTORS.filter((c) => c.fields.length > 0 && c.id !== "platformCases").map((c) => (
                        <option key={c.id} value={c.id}>
                          {c.id === "platformMaterials" ? "复用申请人以往办件中的材料（须申请人同意）" : c.system}
                        </option>
                      ))}
                    </select>
                  </label>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
