"use client";
/**
 * A service form rendered with rjsf (shadcn theme): Chinese messages, the platform's custom
 * formats, the attestation (签字/盖章) field, a native select for single choices.
 * `readonly` renders it for reading (工作台, review).
 */
import { forwardRef, useMemo, type ChangeEvent, type ReactNode } from "react";
import Form from "@rjsf/shadcn";
import type RjsfForm from "@rjsf/core";
import {
  TranslatableString,
  ariaDescribedByIds,
  getUiOptions,
  enumOptionsIndexForValue,
  enumOptionsValueForIndex,
  replaceStringParameters,
  type FieldProps,
  type RJSFSchema,
  type RegistryFieldsType,
  type RegistryWidgetsType,
  type TitleFieldProps,
  type UiSchema,
  type ValidatorType,
  type WidgetProps,
} from "@rjsf/utils";
import { Widgets } from "@rjsf/shadcn";
import { formValidatorFor, createTransformErrors } from "@/runtime/forms/rjsfValidator";
import { attestationModeOf, withoutUngivenTicks } from "@/runtime/forms/attestation";
import { FORM_STATE_BEHAVIOUR } from "@/runtime/forms/formState";
import { OFFICE_USE_FIELD } from "@/runtime/forms/officeUse";
import { applicantUiSchema } from "@/runtime/forms/applicantUi";
import { isObject } from "@/runtime/definition/json";

type Json = Record<string, unknown>;

const zh: Partial<Record<TranslatableString, string>> = {
  [TranslatableString.ArrayItemTitle]: "条目",
  [TranslatableString.MissingItems]: "缺少条目定义",
  [TranslatableString.EmptyArray]: "暂无内容，请点击下方按钮添加。",
  [TranslatableString.YesLabel]: "是",
  [TranslatableString.NoLabel]: "否",
  [TranslatableString.CloseLabel]: "关闭",
  [TranslatableString.ErrorsLabel]: "请修改以下内容",
  [TranslatableString.NewStringDefault]: "新值",
  [TranslatableString.AddButton]: "添加",
  [TranslatableString.AddItemButton]: "添加一行",
  [TranslatableString.CopyButton]: "复制",
  [TranslatableString.MoveDownButton]: "下移",
  [TranslatableString.MoveUpButton]: "上移",
  [TranslatableString.RemoveButton]: "删除",
  [TranslatableString.NowLabel]: "现在",
  [TranslatableString.ClearLabel]: "清除",
  [TranslatableString.AriaDateLabel]: "选择日期",
  [TranslatableString.PreviewLabel]: "预览",
  [TranslatableString.DecrementAriaLabel]: "减1",
  [TranslatableString.IncrementAriaLabel]: "加1",
  [TranslatableString.OptionalObjectAdd]: "填写此项",
  [TranslatableString.OptionalObjectRemove]: "不填写此项",
  [TranslatableString.OptionalObjectEmptyMsg]: "未填写",
  [TranslatableString.ClearButton]: "清空",
  [TranslatableString.OptionPrefix]: "选项 %1",
  [TranslatableString.TitleOptionPrefix]: "%1 选项 %2",
  [TranslatableString.UnsupportedField]: "不支持的字段。",
};

export function translateString(key: TranslatableString, params?: string[]): string {
  return replaceStringParameters(zh[key] ?? key, params);
}

/** Marks every attestation object in `schema` with `ui:field: attestation` in a copy of `uiSchema`. */
export function withAttestationFields(schema: unknown, uiSchema: unknown): Json {
  const ui: Json = isObject(uiSchema) ? { ...uiSchema } : {};
  if (!isObject(schema)) return ui;
  if (attestationModeOf(schema) && !ui["ui:field"]) ui["ui:field"] = "attestation";
  if (isObject(schema.properties)) {
    for (const [key, sub] of Object.entries(schema.properties)) {
      const marked = withAttestationFields(sub, ui[key]);
      if (Object.keys(marked).length) ui[key] = marked;
    }
  }
  if (isObject(schema.items)) {
    const marked = withAttestationFields(schema.items, ui.items);
    if (Object.keys(marked).length) ui.items = marked;
  }
  return ui;
}

const inputClass =
  "h-9 w-full min-w-0 rounded-md border border-input bg-background px-3 py-1 text-base shadow-xs outline-none focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 disabled:cursor-not-allowed disabled:opacity-60 aria-invalid:border-destructive md:text-sm";

function FieldErrors({ id, errors }: { id: string; errors: string[] | undefined }) {
  if (!errors?.length) return null;
  return (
    <ul id={id} className="text-sm text-destructive">
      {errors.map((e, i) => <li key={i}>{e}</li>)}
    </ul>
  );
}

function todayIso(): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai" }).format(new Date());
}

/**
 * The attestation (签字 / 盖章): a “本人承诺…” checkbox plus the signer's name and the date,
 * as `runtime/forms/attestation.ts` designs it — never a free text box.
 */
function AttestationField(props: FieldProps) {
  const { schema, formData, onChange, fieldPathId, errorSchema, disabled, readonly } = props;
  const id = fieldPathId.$id;
  const mode = attestationModeOf(schema) ?? "signature";
  const properties = (isObject(schema.properties) ? schema.properties : {}) as Record<string, Json>;
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const data = (isObject(formData) ? formData : {}) as { signed?: boolean; name?: string; date?: string };
  const locked = disabled || readonly;
  const update = (patch: Partial<typeof data>) => {
    const next: Json = { ...data, ...patch };
    for (const key of Object.keys(next)) if (next[key] === undefined || next[key] === "") delete next[key];
    onChange(next as never, fieldPathId.path);
  };
  const errs = (key: string) => (errorSchema as Record<string, { __errors?: string[] }> | undefined)?.[key]?.__errors;
  const promise = mode === "seal" ? "本单位承诺所填报的信息真实、准确、完整" : "本人承诺所填报的信息真实、准确、完整";
  const signedTitle = typeof properties.signed?.title === "string" ? properties.signed.title : mode === "seal" ? "已盖章确认" : "本人签字确认";
  const nameTitle = typeof properties.name?.title === "string" ? properties.name.title : mode === "seal" ? "盖章单位名称" : "签字人姓名";
  const dateTitle = typeof properties.date?.title === "string" ? properties.date.title : "日期";
  const optional = required.size === 0;
  return (
    <fieldset id={id} className="attestation rounded-md border border-primary/30 bg-accent/40 p-3">
      <legend className="px-1 text-sm font-medium">
        {String(schema.title ?? (mode === "seal" ? "单位盖章" : "申请人签字"))}
        {optional && <span className="ml-1 text-xs font-normal text-muted-foreground">（选填）</span>}
      </legend>
      {typeof schema.description === "string" && <p className="mb-2 text-xs text-muted-foreground">{schema.description}</p>}
      <div className="flex items-start gap-2">
        <input
          type="checkbox"
          id={`${id}_signed`}
          className="mt-1 size-4 accent-[var(--color-primary)]"
          checked={data.signed === true}
          disabled={locked}
          aria-invalid={errs("signed")?.length ? true : undefined}
          aria-describedby={errs("signed")?.length ? `${id}_signed__error` : undefined}
          onChange={(e) => update({ signed: e.target.checked ? true : undefined, date: e.target.checked && !data.date && properties.date ? todayIso() : data.date })}
        />
        <label htmlFor={`${id}_signed`} className="text-sm leading-snug">
          {promise}，{signedTitle}
          {required.has("signed") && <span className="text-destructive" aria-hidden="true"> *</span>}
        </label>
      </div>
      <FieldErrors id={`${id}_signed__error`} errors={errs("signed")} />
      <div className="mt-3 grid gap-3 sm:grid-cols-2">
        {properties.name && (
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}_name`} className="text-sm font-medium">
              {nameTitle}{required.has("name") && <span className="text-destructive" aria-hidden="true"> *</span>}
            </label>
            <input
              id={`${id}_name`}
              className={inputClass}
              value={data.name ?? ""}
              disabled={locked}
              aria-required={required.has("name") || undefined}
              aria-invalid={errs("name")?.length ? true : undefined}
              aria-describedby={errs("name")?.length ? `${id}_name__error` : undefined}
              onChange={(e: ChangeEvent<HTMLInputElement>) => update({ name: e.target.value })}
            />
            <FieldErrors id={`${id}_name__error`} errors={errs("name")} />
          </div>
        )}
        {properties.date && (
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}_date`} className="text-sm font-medium">
              {dateTitle}{required.has("date") && <span className="text-destructive" aria-hidden="true"> *</span>}
            </label>
            <input
              id={`${id}_date`}
              type="date"
              className={inputClass}
              value={data.date ?? ""}
              disabled={locked}
              aria-required={required.has("date") || undefined}
              aria-invalid={errs("date")?.length ? true : undefined}
              aria-describedby={errs("date")?.length ? `${id}_date__error` : undefined}
              onChange={(e) => update({ date: e.target.value })}
            />
            <FieldErrors id={`${id}_date__error`} errors={errs("date")} />
          </div>
        )}
      </div>
      <FieldErrors id={`${id}__error`} errors={(errorSchema as { __errors?: string[] } | undefined)?.__errors} />
    </fieldset>
  );
}

/** A boolean “本人承诺…” written as `ui:widget: attestation` on a `const: true` boolean. */
function AttestationWidget(props: WidgetProps) {
  const { id, value, onChange, disabled, readonly, label, schema, required, rawErrors } = props;
  return (
    <div className="rounded-md border border-primary/30 bg-accent/40 p-3">
      <div className="flex items-start gap-2">
        <input
          type="checkbox"
          id={id}
          className="mt-1 size-4 accent-[var(--color-primary)]"
          checked={value === true}
          disabled={disabled || readonly}
          aria-invalid={rawErrors?.length ? true : undefined}
          aria-describedby={ariaDescribedByIds(id)}
          onChange={(e) => onChange(e.target.checked ? true : undefined)}
        />
        <label htmlFor={id} className="text-sm leading-snug">
          {String(schema.title ?? label ?? "本人承诺以上信息真实有效")}
          {required && <span className="text-destructive" aria-hidden="true"> *</span>}
        </label>
      </div>
    </div>
  );
}

/** A native select for single choices (keyboard and screen-reader friendly, labelled by rjsf's label). */
function NativeSelectWidget(props: WidgetProps) {
  const { id, options, value, required, disabled, readonly, onChange, onBlur, onFocus, multiple, placeholder, rawErrors } = props;
  if (multiple) {
    const Fallback = Widgets.SelectWidget;
    return <Fallback {...props} />;
  }
  const { enumOptions = [], enumDisabled, emptyValue } = options;
  const selected = enumOptionsIndexForValue(value, enumOptions, false);
  return (
    <select
      id={id}
      name={id}
      className={inputClass}
      value={typeof selected === "string" ? selected : ""}
      required={required}
      disabled={disabled || readonly}
      aria-invalid={rawErrors?.length ? true : undefined}
      aria-describedby={ariaDescribedByIds(id)}
      onChange={(e) => onChange(e.target.value === "" ? emptyValue : enumOptionsValueForIndex(e.target.value, enumOptions, emptyValue))}
      onBlur={(e) => onBlur(id, enumOptionsValueForIndex(e.target.value, enumOptions, emptyValue))}
      onFocus={(e) => onFocus(id, enumOptionsValueForIndex(e.target.value, enumOptions, emptyValue))}
    >
      <option value="">{placeholder || "请选择"}</option>
      {enumOptions.map((opt, i) => (
        <option key={i} value={String(i)} disabled={Array.isArray(enumDisabled) && enumDisabled.includes(opt.value)}>
          {opt.label}
        </option>
      ))}
    </select>
  );
}

/** An office-use entry in the applicant's form (`runtime/forms/officeUse`): not shown. */
function OfficeUseHiddenField() {
  return null;
}

const fields: RegistryFieldsType = { attestation: AttestationField, [OFFICE_USE_FIELD]: OfficeUseHiddenField };
const widgets: RegistryWidgetsType = { attestation: AttestationWidget, SelectWidget: NativeSelectWidget };

type HeadingLevel = 2 | 3 | 4 | 5;
const headingTags = { 2: "h2", 3: "h3", 4: "h4", 5: "h5", 6: "h6" } as const;

/**
 * Titles as headings that follow the page's own: the form's title at `level`, its sections' one
 * below (the theme's fixed <h5> skipped levels, which axe's heading-order refuses).
 */
function titleTemplate(rootId: string, level: HeadingLevel) {
  return function TitleField({ id, title, uiSchema }: TitleFieldProps) {
    const Heading = headingTags[(id === rootId ? level : level + 1) as keyof typeof headingTags];
    return (
      <div id={id} className="my-1 flex flex-col gap-0.5 border-b pb-1">
        <Heading className="text-base font-medium">{(getUiOptions(uiSchema).title as string | undefined) || title}</Heading>
      </div>
    );
  };
}

export interface ServiceFormProps {
  formId: string;
  /** The level of the form's title, one below the heading the form sits under (3 by default). */
  headingLevel?: HeadingLevel;
  schema: Json;
  uiSchema?: Json;
  formData: unknown;
  onChange?: (data: Json) => void;
  onSubmit?: (data: Json) => void;
  /** Called when a submit attempt finds errors. */
  onError?: () => void;
  readonly?: boolean;
  /** The applicant's form: leave out what the office fills (经办人签字, 以下由经办机构填写 …). */
  hideOfficeUse?: boolean;
  /** A person's form: leave out what only an organisation attests (单位盖章 …). */
  hideOrganisationOnly?: boolean;
  /** Validate as the person types (after a first attempt). */
  liveValidate?: boolean;
  /** Errors from the server to show on fields. */
  extraErrors?: Json;
  /** A precompiled validator (pages without `unsafe-eval`); default: the ajv-compiling one. */
  validator?: ValidatorType;
  children?: ReactNode;
}

/** One service form. The ref is rjsf's Form (`validateForm()`, `submit()`). */
export const ServiceForm = forwardRef<RjsfForm, ServiceFormProps>(function ServiceForm(
  { formId, headingLevel = 3, schema, uiSchema, formData, onChange, onSubmit, onError, readonly, hideOfficeUse: hideOffice, hideOrganisationOnly: hideOrganisation, liveValidate, extraErrors, validator, children },
  ref,
) {
  const templates = useMemo(() => ({ TitleFieldTemplate: titleTemplate(`form-${formId}__title`, headingLevel) }), [formId, headingLevel]);
  const ui = useMemo(() => {
    // the same reading as the summary of the filled form (FormSummary): both show the same fields
    const marked = withAttestationFields(schema, applicantUiSchema(uiSchema, { hideOfficeUse: hideOffice, hideOrganisationOnly: hideOrganisation }));
    return { ...marked, "ui:submitButtonOptions": { norender: true } } as UiSchema;
  }, [schema, uiSchema, hideOffice, hideOrganisation]);
  const transformErrors = useMemo(() => createTransformErrors(schema), [schema]);
  // A box the person did not tick is absent, never `false` (a draft saved before may hold one):
  // rjsf would “repair” the `false` into a tick at the next change (runtime/forms/formState.ts).
  const data = useMemo(() => withoutUngivenTicks(schema, formData ?? {}), [schema, formData]);
  return (
    <Form
      ref={ref}
      idPrefix={`form-${formId}`}
      templates={templates}
      schema={schema as RJSFSchema}
      uiSchema={ui}
      formData={data}
      validator={validator ?? formValidatorFor(schema)}
      transformErrors={transformErrors as never}
      translateString={translateString}
      fields={fields}
      widgets={widgets}
      readonly={readonly}
      noHtml5Validate
      showErrorList={readonly ? false : "top"}
      focusOnFirstError
      liveValidate={liveValidate ? "onChange" : undefined}
      extraErrors={extraErrors as never}
      experimental_defaultFormStateBehavior={FORM_STATE_BEHAVIOUR}
      onChange={(e) => onChange?.((e.formData ?? {}) as Json)}
      onSubmit={(e) => onSubmit?.((e.formData ?? {}) as Json)}
      onError={() => onError?.()}
      className="service-form space-y-4"
    >
      {children}
    </Form>
  );
});
