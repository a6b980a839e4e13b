"use client";
/**
 * The live preview of a form in the designer: the same component applicants fill in, with the
 * same validation; "检查填写" validates as submitting would, then it validates as you type.
 */
import { useRef, useState } from "react";
import type RjsfForm from "@rjsf/core";
import { ServiceForm } from "@/app/_components/ServiceForm";
import type { FormDefinition } from "@/runtime/definition/schema";

type Data = Record<string, unknown>;

export function FormPreview({ form }: { form: FormDefinition }) {
  const ref = useRef<RjsfForm>(null);
  const [data, setData] = useState<Data>({});
  const [checked, setChecked] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  return (
    <div className="space-y-2">
      <ServiceForm
        ref={ref}
        formId={`preview-${form.id}`}
        schema={form.schema}
        uiSchema={form.uiSchema}
        formData={data}
        liveValidate={checked}
        onChange={setData}
      />
      <div className="flex items-center gap-2">
        <button
          type="button"
          className="rounded-md bg-primary px-3 py-1.5 text-sm text-primary-foreground hover:opacity-90"
          onClick={() => {
            setChecked(true);
            setResult(ref.current?.validateForm() ? "填写正确，可以提交。" : "有填写错误，请看表单上方的提示。");
          }}
        >
          检查填写
        </button>
        <button type="button" className="rounded-md border border-input bg-background px-3 py-1.5 text-sm hover:bg-muted" onClick={() => { setData({}); setChecked(false); setResult(null); }}>
          清空
        </button>
        <p role="status" className="text-sm">{result}</p>
      </div>
    </div>
  );
}

/** A form as a step of a test run shows it (editable or read-only). */
export function TestRunForm({ form, data, onChange, readonly }: { form: FormDefinition; data: Data; onChange?: (data: Data) => void; readonly: boolean }) {
  return <ServiceForm formId={`run-${form.id}`} schema={form.schema} uiSchema={form.uiSchema} formData={data} readonly={readonly} onChange={onChange} />;
}
