"use client";
/**
 * The editor of one service: header (save state, undo/redo, check, publish) and the tabs
 * 办事指南 · 材料 · 流程 · 表单 · 版本 · 试运行 · 原文.
 */
import { useCallback, useDeferredValue, useEffect, useMemo, useState, type ReactNode } from "react";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useTRPC, errorMessage } from "@/app/_trpc/client";
import type { Flow, FormDefinition } from "@/runtime/definition/schema";
import type { EditorState } from "@/app/_components/types";
import { adviseDefinition } from "@/runtime/definition/advice";
import { lintDefinition, type LintProblem } from "@/runtime/definition/lint";
import { renameForm } from "@/designer/core/definitionOps";
import { variantView } from "@/designer/core/variantView";
import { checkVariant, restoreItem } from "@/runtime/definition/variant";
import { VariantProvider, type VariantEditing } from "@/designer/variant/VariantContext";
import { VariantPanel } from "@/designer/variant/VariantPanel";
import { LocksPanel } from "@/designer/variant/LocksPanel";
import { FlowDesigner, type FlowFocus } from "@/designer/flow/FlowDesigner";
import { FormDesigner } from "@/designer/form/FormDesigner";
import { GuideEditor } from "@/designer/guide/GuideEditor";
import { DocumentsEditor } from "@/designer/documents/DocumentsEditor";
import { ProblemList } from "@/designer/lint/ProblemList";
import { MaterialsEditor } from "@/designer/materials/MaterialsEditor";
import { ConnectorsEditor } from "@/designer/checks/ConnectorsEditor";
import { TestRun } from "@/designer/testRun/TestRun";
import { Tabs, TabPanel } from "@/designer/ui/Tabs";
import { buttonClass, smallButtonClass } from "@/designer/ui/classes";
import { useDraftEditor } from "./useDraftEditor";
import { ConflictPanel } from "./ConflictPanel";
import { FormPreview, TestRunForm } from "./FormPreview";
import { PublishPanel, type PublishMessage } from "./PublishPanel";
import { SaveState } from "./SaveState";
import { SourceTab } from "./SourceTab";
import { VersionsTab } from "./VersionsTab";

type TabKey = "variant" | "locks" | "guide" | "materials" | "checks" | "flow" | "forms" | "documents" | "versions" | "run" | "source";

const baseTabs: { key: TabKey; label: string }[] = [
  { key: "guide", label: "办事指南" },
  { key: "materials", label: "材料" },
  { key: "checks", label: "校验与共享" },
  { key: "flow", label: "流程" },
  { key: "forms", label: "表单" },
  { key: "documents", label: "文书" },
  { key: "versions", label: "版本" },
  { key: "run", label: "试运行" },
  { key: "source", label: "原文" },
];

const areaTab: Record<LintProblem["area"], TabKey> = { basic: "guide", guide: "guide", materials: "materials", flow: "flow", forms: "forms", documents: "documents" };

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName));
}

/** `notice`: what the page shows under the editor's heading (有新版本 for a local variant). */
export function ServiceEditor({ serviceId, notice }: { serviceId: string; notice?: ReactNode }) {
  const trpc = useTRPC();
  const state = useQuery({ ...trpc.designer.get.queryOptions({ serviceId }), staleTime: Infinity, refetchOnWindowFocus: false });
  if (state.isError) return <p role="alert" className="text-destructive">{errorMessage(state.error)}</p>;
  if (!state.data) return <p className="text-muted-foreground">正在加载…</p>;
  return <Editor serviceId={serviceId} initial={state.data} notice={notice} />;
}

/** Tabs of the editor: a variant starts on its differences; templates and league variants have locks. */
function tabsFor(initial: EditorState): { key: TabKey; label: string }[] {
  const tabs = [...baseTabs];
  const canLock = !initial.variant || initial.service.ownerOrgLevel === "league";
  if (canLock) tabs.splice(5, 0, { key: "locks", label: "锁定" });
  if (initial.variant) tabs.unshift({ key: "variant", label: "本地差异" });
  return tabs;
}

const ignoreEdit = () => {};

function Editor({ serviceId, initial, notice }: { serviceId: string; initial: EditorState; notice?: ReactNode }) {
  const editor = useDraftEditor(serviceId, initial);
  const readOnly = initial.access === "read";
  const { definition, undo, redo } = editor;
  // Read-only (an office below one's own): nothing can change, so nothing is saved.
  const edit = readOnly ? ignoreEdit : editor.edit;
  const tabs = useMemo(() => tabsFor(initial), [initial]);
  const parent = initial.variant?.parentDefinition ?? null;
  const [tab, setTab] = useState<TabKey>(initial.variant ? "variant" : "flow");
  const [showProblems, setShowProblems] = useState(false);
  const [flowFocus, setFlowFocus] = useState<FlowFocus | null>(null);
  const [formFocus, setFormFocus] = useState<{ formId?: string; seq: number }>({ seq: 0 });
  const [published, setPublished] = useState(initial.published?.number ?? null);
  const [publishMessage, setPublishMessage] = useState<PublishMessage | null>(null);

  const checked = useDeferredValue(definition);
  const problems = useMemo(() => lintDefinition(checked), [checked]);
  const advice = useMemo(() => adviseDefinition(checked), [checked]);
  const violations = useMemo(() => (parent ? checkVariant(parent, checked) : []), [parent, checked]);
  const editDefinition = editor.edit;
  const variant = useMemo<VariantEditing | null>(
    () =>
      parent
        ? { view: variantView(parent, definition), restore: (key) => editDefinition((d) => restoreItem(d, parent, key)), readOnly, idScope: initial.service.ownerOrgId }
        : null,
    [parent, definition, editDefinition, readOnly, initial.service.ownerOrgId],
  );
  const blocking = problems.length + violations.length;
  const flowProblems = useMemo(() => problems.filter((p) => p.area === "flow"), [problems]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || isTyping(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === "z" && !event.shiftKey) {
        event.preventDefault();
        undo();
      } else if (key === "y" || (key === "z" && event.shiftKey)) {
        event.preventDefault();
        redo();
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [undo, redo]);

  const goTo = useCallback((problem: LintProblem) => {
    setTab(areaTab[problem.area]);
    if (problem.area === "flow") setFlowFocus((f) => ({ nodeId: problem.nodeId, edgeId: problem.edgeId, seq: (f?.seq ?? 0) + 1 }));
    if (problem.area === "forms") setFormFocus((f) => ({ formId: problem.formId, seq: f.seq + 1 }));
  }, []);

  const onFlowChange = useCallback((flow: Flow, group?: string | null) => edit((d) => ({ ...d, flow }), group ?? null), [edit]);
  const onFormsChange = useCallback((forms: FormDefinition[], group?: string | null) => edit((d) => ({ ...d, forms }), group ?? null), [edit]);
  const editing = tab !== "versions" && tab !== "run" && tab !== "source";

  return (
    <div className="relative left-1/2 w-[min(calc(100vw-2rem),1600px)] -translate-x-1/2 space-y-4">
      <header className="space-y-2 rounded-lg border bg-background p-4">
        <nav aria-label="位置" className="text-sm">
          <Link href="/designer" className="text-primary underline">设计器</Link>
          <span aria-hidden="true"> / </span>
          <span>{initial.service.code}</span>
        </nav>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h1 className="text-2xl font-semibold">{definition.title || "（未命名事项）"}</h1>
            <p className="text-sm text-muted-foreground">
              {initial.service.ownerOrgName} · {published ? `已发布第 ${published} 版` : "尚未发布"}
              {editor.draft.draftId ? ` · 草稿修订 ${editor.draft.revision}` : " · 无草稿（编辑后自动创建）"}
            </p>
            {initial.variant && (
              <p className="text-sm" data-testid="variant-base">
                本地版本：基于{initial.variant.parentOwnerName}的第 {initial.variant.baseNumber ?? "?"} 版定制，未修改的内容沿用上级。
              </p>
            )}
            {readOnly ? (
              <p role="note" className="mt-1 rounded-md border border-amber-400 bg-amber-50 px-2 py-1 text-sm text-amber-900">
                只读：该事项属于{initial.service.ownerOrgName}，您可以查看，不能修改或发布。
              </p>
            ) : (
              <SaveState status={editor.status} />
            )}
          </div>
          <div className="flex flex-wrap items-center gap-2">
            {!readOnly && (
              <>
                <button type="button" className={buttonClass} onClick={undo} disabled={!editor.canUndo} aria-keyshortcuts="Control+Z">撤销</button>
                <button type="button" className={buttonClass} onClick={redo} disabled={!editor.canRedo} aria-keyshortcuts="Control+Y">重做</button>
              </>
            )}
            <button type="button" className={buttonClass} aria-expanded={showProblems} aria-controls="lint-panel" onClick={() => setShowProblems((s) => !s)}>
              {blocking === 0 ? `检查：通过${advice.length ? `（${advice.length} 条提示）` : ""}` : `检查：${blocking} 个问题`}
            </button>
            {!readOnly && <PublishPanel
              serviceId={serviceId}
              problems={problems.length}
              violations={violations}
              nextNumber={(published ?? 0) + 1}
              editor={editor}
              onBlocked={() => setShowProblems(true)}
              onPublished={(number) => setPublished(number)}
              onMessage={setPublishMessage}
            />}
          </div>
        </div>
        {!readOnly && violations.length > 0 && (
          <div id="publish-blocked" className="rounded-md border border-destructive/40 p-2 text-sm text-destructive">
            <p className="font-medium">不能发布：{violations.length} 处不符合上级的规定</p>
            <ul className="list-disc pl-5">
              {violations.map((v, i) => (
                <li key={i}>{v.message}</li>
              ))}
            </ul>
          </div>
        )}
        {publishMessage && (
          <div className={`flex items-start justify-between gap-2 rounded-md border p-2 text-sm ${publishMessage.error ? "text-destructive" : "text-emerald-800"}`}>
            <p role={publishMessage.error ? "alert" : "status"}>{publishMessage.text}</p>
            <button type="button" className={smallButtonClass} onClick={() => setPublishMessage(null)}>
              关闭<span className="sr-only">发布提示</span>
            </button>
          </div>
        )}
        {editor.status.kind === "conflict" && <ConflictPanel serviceId={serviceId} message={editor.status.message} editor={editor} />}
        {showProblems && (
          <div id="lint-panel" className="rounded-md border bg-muted/40 p-3">
            <ProblemList problems={problems} onGo={goTo} violations={violations} advice={advice} />
          </div>
        )}
      </header>
      {notice}

      <Tabs label="编辑内容" idPrefix="editor" items={tabs} current={tab} onSelect={setTab} />
      <TabPanel idPrefix="editor" tab={tab}>
        <VariantProvider value={variant}>
        <fieldset disabled={readOnly && editing} className="min-w-0">
        {tab === "variant" && initial.variant && <VariantPanel parentName={`${initial.variant.parentOwnerName}第 ${initial.variant.baseNumber ?? "?"} 版`} />}
        {tab === "locks" && <LocksPanel definition={definition} parent={parent} readOnly={readOnly} onChange={(d) => edit(() => d)} />}
        {tab === "guide" && <GuideEditor definition={definition} onChange={(d, group) => edit(() => d, group ?? null)} />}
        {tab === "materials" && (
          <MaterialsEditor
            materials={definition.materials}
            forms={definition.forms}
            problems={problems.filter((p) => p.area === "materials")}
            onChange={(materials, group) => edit((d) => ({ ...d, materials }), group ?? null)}
          />
        )}
        {tab === "checks" && (
          <fieldset disabled={!!initial.variant} className="min-w-0">
            <ConnectorsEditor definition={definition} inherited={!!initial.variant} onChange={(d) => edit(() => d)} />
          </fieldset>
        )}
        {tab === "flow" && <FlowDesigner flow={definition.flow} forms={definition.forms} problems={flowProblems} onChange={onFlowChange} focus={flowFocus} />}
        {tab === "forms" && (
          <FormDesigner
            key={formFocus.seq}
            forms={definition.forms}
            problems={problems.filter((p) => p.area === "forms")}
            onChange={onFormsChange}
            initialFormId={formFocus.formId}
            onRenameForm={(from, to) => {
              const renamed = renameForm(definition, from, to);
              if (!renamed) return false;
              edit(() => renamed);
              return true;
            }}
            renderPreview={(form) => <FormPreview key={form.id} form={form} />}
          />
        )}
        </fieldset>
        </VariantProvider>
        {tab === "documents" && <DocumentsEditor definition={definition} onChange={(d, group) => edit(() => d, group ?? null)} />}
        {tab === "versions" && <VersionsTab serviceId={serviceId} editor={editor} />}
        {tab === "run" && (
          <TestRun definition={definition} flowProblems={flowProblems.length} renderForm={(args) => <TestRunForm {...args} />} />
        )}
        {tab === "source" && <SourceTab serviceId={serviceId} />}
      </TabPanel>
    </div>
  );
}
