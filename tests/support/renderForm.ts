/**
 * Test helper: render a form with @rjsf/core to HTML (react-dom/server) and check a filled-in
 * example and a blank submission with the rjsf validator the browser uses.
 */
import Form from "@rjsf/core";
import type { RJSFSchema, UiSchema } from "@rjsf/utils";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { formValidator, transformErrors } from "@/runtime/forms/rjsfValidator";
import { sampleFormData } from "@/runtime/forms/sample";

export interface RenderableForm {
  schema: Record<string, unknown>;
  uiSchema?: Record<string, unknown>;
}

/** The HTML of the form filled with `formData` (throws when rjsf cannot render it). */
export function renderFormHtml(form: RenderableForm, formData: unknown): string {
  return renderToString(
    createElement(Form, {
      schema: form.schema as RJSFSchema,
      uiSchema: (form.uiSchema ?? {}) as UiSchema,
      validator: formValidator,
      formData,
      transformErrors,
    }),
  );
}

/** rjsf validation messages for `formData` (empty when valid). */
export function rjsfErrors(form: RenderableForm, formData: unknown): string[] {
  const { errors } = formValidator.validateFormData(
    formData,
    form.schema as RJSFSchema,
    undefined,
    transformErrors,
    (form.uiSchema ?? {}) as UiSchema,
  );
  return errors.map((e) => e.stack);
}

/** Whether anything in the schema must be filled. */
export function hasRequiredFields(schema: Record<string, unknown>): boolean {
  return Array.isArray(schema.required) && schema.required.length > 0;
}

export { sampleFormData };
