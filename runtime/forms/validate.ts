/**
 * Server-side (and test) validation of submitted form data against a form definition, with
 * Chinese messages naming each field by its title.
 */
import type { FormDefinition } from "../definition/schema";
import { defaultFormValidatorCache, type FormValidatorCache } from "./ajv";
import { fieldErrors, type FieldError } from "./messages";

export type FormValidationResult = { ok: true } | { ok: false; errors: FieldError[] };

export interface ValidateOptions {
  /** Id of the published definition version the form belongs to (compile-cache key with the form id). */
  versionId?: string;
  /** Cache to use (tests); defaults to the process-wide one. */
  cache?: FormValidatorCache;
}

/** Validates `data` against `form.schema`. Never throws on bad data; throws only on an invalid schema. */
export function validateFormData(
  form: Pick<FormDefinition, "id" | "schema">,
  data: unknown,
  options: ValidateOptions = {},
): FormValidationResult {
  const validate = (options.cache ?? defaultFormValidatorCache()).get(options.versionId, form);
  if (validate(data)) return { ok: true };
  const errors = fieldErrors(validate.errors, form.schema);
  return errors.length ? { ok: false, errors } : { ok: false, errors: [{ path: "", message: "表单内容不正确" }] };
}
