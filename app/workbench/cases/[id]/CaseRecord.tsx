/** What the applicant handed in: the forms (read-only) and the materials with their files. */
import type { StaffCase } from "@/app/_components/types";
import { ServiceForm } from "@/app/_components/ServiceForm";
import { formatDateTime, formatFileSize } from "@/app/_components/format";
import { applicantForms, requiredUploads } from "@/runtime/definition/requirements";

export function CaseForms({ data }: { data: StaffCase }) {
  const forms = applicantForms(data.definition);
  const extra = data.definition.forms.filter((f) => !forms.includes(f) && data.application.formData[f.id]);
  const shown = [...forms, ...extra];
  if (shown.length === 0) return null;
  return (
    <section aria-labelledby="forms-title" className="rounded-lg border bg-background p-4 sm:p-5">
      <h2 id="forms-title" className="text-lg font-semibold">申请表单</h2>
      <div className="mt-3 space-y-3">
        {shown.map((f, i) => (
          <details key={f.id} open={i === 0} className="rounded-md border p-3">
            <summary className="cursor-pointer font-medium">{f.title}</summary>
            <div className="mt-3">
              <ServiceForm formId={`view-${f.id}`} schema={f.schema} uiSchema={f.uiSchema} formData={data.application.formData[f.id] ?? {}} readonly>
                <></>
              </ServiceForm>
            </div>
          </details>
        ))}
      </div>
    </section>
  );
}

const sharedWords: Record<string, string> = { fetched: "已由{system}共享获取", reused: "复用申请人以往办件 {fromCase} 中的材料（申请人已同意）", noConsent: "申请人以往办件中有该材料，但未同意复用", notFound: "{system}未查到", unavailable: "{system}不可用，待人工核验", uploaded: "申请人已上传" };

/** Where a shareable material came from (校验与共享), once it was asked for. */
function SharedSource({ data, materialId }: { data: StaffCase; materialId: string }) {
  const result = data.checks.results.find((r) => r.kind === "material" && r.item === materialId);
  if (!result) return null;
  const text = result.source === "manual" ? `人工核验：${String(result.answer.note ?? "")}` : (sharedWords[result.status] ?? result.status).replace("{system}", result.system).replace("{fromCase}", String(result.answer.fromCase ?? ""));
  return <p className="text-xs text-emerald-900" data-testid="material-source">来源：{text}</p>;
}

export function CaseMaterials({ data }: { data: StaffCase }) {
  // with the applicant's answers: 代他人申请 makes the 授权委托书 required
  const required = new Set(requiredUploads(data.definition, data.application.formData as Record<string, unknown>).map((m) => m.id));
  const materials = data.definition.materials.filter((m) => !m.formId);
  return (
    <section aria-labelledby="materials-title" className="rounded-lg border bg-background p-4 sm:p-5">
      <h2 id="materials-title" className="text-lg font-semibold">申请材料</h2>
      {materials.length === 0 ? (
        <p className="mt-2 text-sm text-muted-foreground">本事项无需上传材料。</p>
      ) : (
        <ul className="mt-3 space-y-2 text-sm">
          {materials.map((m) => {
            const files = data.attachments.filter((f) => f.materialId === m.id);
            return (
              <li key={m.id} className="rounded-md border p-2">
                <p className="font-medium">
                  {m.name}
                  {required.has(m.id) && <span className="ml-2 rounded bg-red-50 px-1.5 py-0.5 text-xs font-normal text-red-900">必要</span>}
                </p>
                {/* the same document may be listed once per scenario (特殊工种 / 病退 …): say which */}
                {(m.scenario || m.obtainableBySharing) && (
                  <p className="text-xs text-muted-foreground" data-testid="material-note">
                    {[m.scenario && `适用于：${m.scenario}`, m.obtainableBySharing && "可通过数据共享获取"].filter(Boolean).join("；")}
                  </p>
                )}
                <SharedSource data={data} materialId={m.id} />
                {files.length === 0 && data.commitments.some((c) => c.materialId === m.id) ? (
                  <p className="text-amber-900">未上传：申请人以告知承诺代替（见“告知承诺”）</p>
                ) : files.length === 0 ? (
                  <p className={required.has(m.id) ? "text-destructive" : "text-muted-foreground"}>未上传</p>
                ) : (
                  <ul className="mt-1 space-y-0.5">
                    {files.map((f) => (
                      <li key={f.id}>
                        <a href={`/api/files/${f.id}`} className="break-all text-primary underline" target="_blank" rel="noreferrer">
                          {f.fileName}
                        </a>
                        <span className="text-muted-foreground">（{formatFileSize(f.size)}，{formatDateTime(f.createdAt)}）</span>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
