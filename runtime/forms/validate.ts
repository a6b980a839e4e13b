/**
 * Server-side (and test) validation of submitted form data against a form definition, with
 * Chinese messages naming each field by its title.
 */
import type { FormDefinition } from "../definition/schema";
import { defaultFormValidatorCache, type FormValidatorCache } from "./ajv";
import { fieldErrors, type FieldError } from "./messages";
import type { IsoDate } from "@/runtime/calendar/isoDate";
import type { FormValidationContext } from "./notAfterToday";

/**
 * At most this many field errors are reported per form (ajv's `allErrors` on a 95,000-item array
 * made a 13 MB answer); one more line says how many were left out.
 */
export const MAX_FIELD_ERRORS = 50;

export type FormValidationResult = { ok: true } | { ok: false; errors: FieldError[] };

export interface ValidateOptions {
  /** Id of the published definition version the form belongs to (compile-cache key with the form id). */
  versionId?: string;
  /** Cache to use (tests); defaults to the process-wide one. */
  cache?: FormValidatorCache;
  /**
   * Today in China, for fields marked `x-notAfterToday` (the server passes its case clock's date);
   * without it, the China date of the system clock.
   */
  today?: IsoDate;
}

/** Validates `data` against `form.schema`. Never throws on bad data; throws only on an invalid schema. */
export function validateFormData(
  form: Pick<FormDefinition, "id" | "schema">,
  data: unknown,
  options: ValidateOptions = {},
): FormValidationResult {
  const validate = (options.cache ?? defaultFormValidatorCache()).get(options.versionId, form);
  const context: FormValidationContext = { today: options.today };
  if (validate.call(context, data)) return { ok: true };
  const all = validate.errors ?? [];
  // Localise only a bounded prefix (several raw errors can collapse into one message).
  let errors = fieldErrors(all.slice(0, MAX_FIELD_ERRORS * 4), form.schema);
  if (errors.length > MAX_FIELD_ERRORS || all.length > MAX_FIELD_ERRORS * 4) {
    errors = errors.slice(0, MAX_FIELD_ERRORS);
    errors.push({ path: "", message: `另有约 ${all.length - MAX_FIELD_ERRORS} 处错误未列出，请先修正以上问题` });
  }
  return errors.length ? { ok: false, errors } : { ok: false, errors: [{ path: "", message: "表单内容不正确" }] };
}
