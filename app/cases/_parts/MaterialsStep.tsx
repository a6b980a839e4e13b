"use client";
/** Upload each material of the list; required ones marked; limits shown; server errors shown per material. */
import { SharedMaterialNote } from "./SharedMaterialNote";
import { useState } from "react";
import { useTRPCClient, errorMessage } from "@/app/_trpc/client";
import type { Material } from "@/runtime/definition/schema";
import { requirementLabel } from "@/runtime/definition/requirements";
import type { AttachmentItem } from "@/app/_components/types";
import { formatFileSize } from "@/app/_components/format";
import { ACCEPT_ATTRIBUTE, UPLOAD_LIMITS_TEXT, uploadMaterial, uploadProblem } from "@/app/_components/upload";
import { allowsCommitment } from "@/runtime/definition/commitments";
import { CommitmentChoice } from "./CommitmentChoice";

interface Props {
  applicationId: string;
  materials: Material[];
  requiredIds: ReadonlySet<string>;
  attachments: AttachmentItem[];
  /** Material ids the caseworker asked for again (highlighted). */
  highlight?: ReadonlySet<string>;
  onChanged: () => Promise<unknown> | void;
  /** 告知承诺 (drafts only): the materials committed to, and what to do after a change. */
  commitments?: { ids: ReadonlySet<string>; onChanged: () => Promise<unknown> | void };
}

function MaterialCard({ applicationId, material, required, files, highlighted, onChanged, commitments }: {
  applicationId: string;
  material: Material;
  required: boolean;
  files: AttachmentItem[];
  highlighted: boolean;
  onChanged: Props["onChanged"];
  commitments?: Props["commitments"];
}) {
  const client = useTRPCClient();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const inputId = `file-${material.id}`;
  const headingId = `material-${material.id}`;
  const onFiles = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    setError(null);
    for (const file of Array.from(list)) {
      const problem = uploadProblem(file);
      if (problem) {
        setError(problem);
        continue;
      }
      setBusy(`正在上传“${file.name}”…`);
      try {
        await uploadMaterial(applicationId, material.id, file);
        await onChanged();
      } catch (e) {
        setError(e instanceof Error ? e.message : "上传失败，请稍后重试");
      }
    }
    setBusy(null);
  };
  const remove = async (attachment: AttachmentItem) => {
    setError(null);
    setBusy(`正在删除“${attachment.fileName}”…`);
    try {
      await client.applications.removeAttachment.mutate({ id: applicationId, attachmentId: attachment.id });
      await onChanged();
    } catch (e) {
      setError(errorMessage(e));
    }
    setBusy(null);
  };
  const committed = commitments?.ids.has(material.id) ?? false;
  const missing = required && files.length === 0 && !committed;
  return (
    <li
      aria-labelledby={headingId}
      data-testid={`material-${material.id}`}
      className={`rounded-lg border bg-background p-4 ${highlighted ? "border-amber-600 ring-2 ring-amber-600/30" : ""}`}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 id={headingId} className="font-medium">
          {material.name}
          {required ? (
            <span className="ml-2 rounded bg-red-50 px-1.5 py-0.5 text-xs font-normal text-red-900">{material.required ? "必要" : "必要（您选择了代他人申请）"}</span>
          ) : material.required && material.obtainableBySharing ? (
            <span className="ml-2 rounded bg-muted px-1.5 py-0.5 text-xs font-normal">{requirementLabel(material)}</span>
          ) : (
            <span className="ml-2 rounded bg-muted px-1.5 py-0.5 text-xs font-normal">{material.scenario ? `适用于：${material.scenario}` : "非必要"}</span>
          )}
          {highlighted && <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-normal text-amber-900">需补正</span>}
        </h3>
        <span className="text-xs text-muted-foreground">
          {[material.kind, material.copies ? `${material.copies}份` : null, material.medium].filter(Boolean).join(" · ")}
        </span>
      </div>
      {material.note && <p className="mt-1 text-sm text-muted-foreground">{material.note}</p>}
      {material.obtainableBySharing && <SharedMaterialNote applicationId={applicationId} materialId={material.id} />}
      {files.length > 0 && (
        <ul className="mt-2 space-y-1" aria-label={`已上传的${material.name}`}>
          {files.map((f) => (
            <li key={f.id} className="flex flex-wrap items-center justify-between gap-2 rounded bg-muted px-2 py-1.5 text-sm">
              <span className="min-w-0 break-all">
                {f.fileName} <span className="text-muted-foreground">（{formatFileSize(f.size)}）</span>
              </span>
              {/* The server says which files may go: a submitted one never (补正 adds new files instead). */}
              {f.removable ? (
                <button
                  type="button"
                  onClick={() => remove(f)}
                  disabled={!!busy}
                  className="rounded border bg-background px-2 py-0.5 text-xs hover:bg-red-50 disabled:opacity-60"
                  aria-label={`删除 ${f.fileName}`}
                >
                  删除
                </button>
              ) : (
                <span className="text-xs text-muted-foreground">已提交</span>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <label
          htmlFor={inputId}
          className={`cursor-pointer rounded-md border border-primary px-3 py-1.5 text-sm font-medium text-primary hover:bg-accent focus-within:ring-2 focus-within:ring-ring focus-within:ring-offset-2 ${busy ? "opacity-60" : ""}`}
        >
          {files.length ? "继续上传" : "选择文件上传"}
          <span className="sr-only">：{material.name}</span>
          <input
            id={inputId}
            type="file"
            accept={ACCEPT_ATTRIBUTE}
            multiple
            disabled={!!busy}
            className="sr-only"
            onChange={(e) => {
              const input = e.target;
              void onFiles(input.files).then(() => {
                input.value = "";
              });
            }}
          />
        </label>
        {busy && <span role="status" className="text-sm text-muted-foreground">{busy}</span>}
        {!busy && missing && <span className="text-sm text-destructive">尚未上传</span>}
      </div>
      {commitments && allowsCommitment(material) && <CommitmentChoice applicationId={applicationId} material={material} committed={committed} onChanged={commitments.onChanged} />}
      {error && <p role="alert" className="mt-2 text-sm text-destructive">{error}</p>}
    </li>
  );
}

export function MaterialsStep({ applicationId, materials, requiredIds, attachments, highlight, onChanged, commitments }: Props) {
  if (materials.length === 0) return <p className="text-muted-foreground">本事项无需上传材料。</p>;
  return (
    <div className="space-y-3">
      <p className="text-sm text-muted-foreground">{UPLOAD_LIMITS_TEXT}。标“必要”的材料必须上传后才能提交。</p>
      <ul className="space-y-3">
        {materials.map((m) => (
          <MaterialCard
            key={m.id}
            applicationId={applicationId}
            material={m}
            required={requiredIds.has(m.id)}
            files={attachments.filter((a) => a.materialId === m.id)}
            highlighted={highlight?.has(m.id) ?? false}
            onChanged={onChanged}
            commitments={commitments}
          />
        ))}
      </ul>
    </div>
  );
}
