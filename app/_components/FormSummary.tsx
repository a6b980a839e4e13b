/** A filled form as a readable list of “field: value” (for review pages and documents). */
import { attestationModeOf } from "@/runtime/forms/attestation";
import { isOfficeUseUi } from "@/runtime/forms/officeUse";
import { isObject } from "@/runtime/definition/json";

type Json = Record<string, unknown>;

function empty(value: unknown): boolean {
  return value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0) || (isObject(value) && Object.keys(value).length === 0);
}

function scalar(value: unknown): string {
  if (typeof value === "boolean") return value ? "是" : "否";
  if (Array.isArray(value)) return value.map(scalar).join("、");
  return String(value);
}

function Value({ schema, value, ui, hideOfficeUse }: { schema: Json; value: unknown; ui: unknown; hideOfficeUse?: boolean }) {
  if (empty(value)) return <span className="text-muted-foreground">未填写</span>;
  const mode = attestationModeOf(schema);
  if (mode && isObject(value)) {
    return (
      <span>
        {value.signed === true ? (mode === "seal" ? "已盖章确认" : "已签字确认") : "未确认"}
        {typeof value.name === "string" && value.name && `：${value.name}`}
        {typeof value.date === "string" && value.date && `（${value.date}）`}
      </span>
    );
  }
  if (schema.type === "object" || isObject(value)) {
    return <Fields schema={schema} data={isObject(value) ? value : {}} ui={ui} hideOfficeUse={hideOfficeUse} nested />;
  }
  if (Array.isArray(value) && isObject(schema.items) && (schema.items.type === "object" || isObject(value[0]))) {
    return (
      <ol className="space-y-2">
        {value.map((row, i) => (
          <li key={i} className="rounded border p-2">
            <p className="text-xs text-muted-foreground">第{i + 1}行</p>
            <Fields schema={schema.items as Json} data={isObject(row) ? row : {}} ui={isObject(ui) ? ui.items : undefined} hideOfficeUse={hideOfficeUse} nested />
          </li>
        ))}
      </ol>
    );
  }
  return <span className="break-words">{scalar(value)}</span>;
}

function Fields({ schema, data, ui, hideOfficeUse, nested }: { schema: Json; data: Json; ui: unknown; hideOfficeUse?: boolean; nested?: boolean }) {
  const properties = isObject(schema.properties) ? (schema.properties as Record<string, Json>) : {};
  const uiOf = (key: string) => (isObject(ui) ? ui[key] : undefined);
  // the applicant does not see what the office fills (unless the office filled it)
  const keys = Object.keys(properties).filter((key) => !(hideOfficeUse && isOfficeUseUi(uiOf(key)) && empty(data[key])));
  const extra = Object.keys(data).filter((k) => !(k in properties));
  return (
    <dl className={`grid gap-x-3 gap-y-1.5 ${nested ? "mt-1 border-l-2 border-border pl-3" : "sm:grid-cols-[minmax(8em,14em)_1fr]"}`}>
      {[...keys, ...extra].map((key) => {
        const sub = properties[key] ?? {};
        return (
          <div key={key} className={nested ? "" : "contents"}>
            <dt className="text-muted-foreground">{String(sub.title ?? key)}</dt>
            <dd className="mb-1.5 sm:mb-0">
              <Value schema={sub} value={data[key]} ui={uiOf(key)} hideOfficeUse={hideOfficeUse} />
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

/** `hideOfficeUse`: the applicant's view, without the office's empty fields (`runtime/forms/officeUse`). */
export function FormSummary({ schema, uiSchema, data, hideOfficeUse }: { schema: Json; uiSchema?: unknown; data: unknown; hideOfficeUse?: boolean }) {
  return (
    <div className="text-sm">
      <Fields schema={schema} data={isObject(data) ? data : {}} ui={uiSchema} hideOfficeUse={hideOfficeUse} />
    </div>
  );
}
