/** A filled form as a readable list of “field: value” (for review pages and documents). */
import { attestationModeOf } from "@/runtime/forms/attestation";
import { applicantUiSchema, type ApplicantView } from "@/runtime/forms/applicantUi";
import { summaryFields } from "@/runtime/forms/summaryFields";
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

interface Place {
  /** The form's schema (for its `$ref`s). */
  root: Json;
}

function Value({ schema, value, ui, place }: { schema: Json; value: unknown; ui: unknown; place: Place }) {
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
    return <Fields schema={schema} data={isObject(value) ? value : {}} ui={ui} place={place} nested />;
  }
  if (Array.isArray(value) && isObject(schema.items) && (schema.items.type === "object" || isObject(value[0]))) {
    return (
      <ol className="space-y-2">
        {value.map((row, i) => (
          <li key={i} className="rounded border p-2">
            <p className="text-xs text-muted-foreground">第{i + 1}行</p>
            <Fields schema={schema.items as Json} data={isObject(row) ? row : {}} ui={isObject(ui) ? ui.items : undefined} place={place} nested />
          </li>
        ))}
      </ol>
    );
  }
  return <span className="break-words">{scalar(value)}</span>;
}

function Fields({ schema, data, ui, place, nested }: { schema: Json; data: Json; ui: unknown; place: Place; nested?: boolean }) {
  const uiOf = (key: string) => (isObject(ui) ? ui[key] : undefined);
  // every field by its title, in the form's order (also those declared in a condition or behind a $ref),
  // without those the uiSchema hides (read as the applicant's form reads it: see FormSummary)
  const fields = summaryFields(schema, data, ui, place.root);
  return (
    <dl className={`grid gap-x-3 gap-y-1.5 ${nested ? "mt-1 border-l-2 border-border pl-3" : "sm:grid-cols-[minmax(8em,14em)_1fr]"}`}>
      {fields.map(({ key, title, schema: sub }) => (
        <div key={key} className={nested ? "" : "contents"}>
          <dt className="text-muted-foreground">{title}</dt>
          <dd className="mb-1.5 sm:mb-0">
            <Value schema={sub} value={data[key]} ui={uiOf(key)} place={place} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * `hideOfficeUse` and `hideOrganisationOnly` as for the applicant's form (ServiceForm): the summary
 * lists exactly the fields that form shows — without the office's fields, and on a person's form
 * without what only an organisation attests (`runtime/forms/applicantUi`).
 */
export function FormSummary({ schema, uiSchema, data, hideOfficeUse, hideOrganisationOnly }: { schema: Json; uiSchema?: unknown; data: unknown } & ApplicantView) {
  const ui = applicantUiSchema(uiSchema, { hideOfficeUse, hideOrganisationOnly });
  return (
    <div className="text-sm">
      <Fields schema={schema} data={isObject(data) ? data : {}} ui={ui} place={{ root: schema }} />
    </div>
  );
}
