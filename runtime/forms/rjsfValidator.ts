/**
 * The rjsf validator for the browser (and render tests): @rjsf/validator-ajv8 customised with the
 * same custom formats as the server (`cn-resident-id`, `cn-credit-code`, `cn-phone`, `year-month`,
 * `amount`) and keyword (`x-notAfterToday`, today on the browser's clock in China time), the server's
 * linear-time pattern engine, and Chinese messages naming the field by its title.
 *
 * Usage: `<Form validator={formValidator} transformErrors={createTransformErrors(schema)} … />`.
 */
import { customizeValidator } from "@rjsf/validator-ajv8";
import type Ajv from "ajv";
import { addFormRules, ajvClassFor } from "./ajv";
import { schemaDialect, type SchemaDialect } from "./dialect";
import { localizeAjvErrors } from "./messages";
import { linearRegExp } from "./linearRegExp";

export { createTransformErrors, transformErrors } from "./messages";

/** A new rjsf validator with the custom formats and keyword and Chinese messages, for a form schema of `dialect`. */
export function createRjsfValidator(dialect: SchemaDialect = "draft-07") {
  return customizeValidator(
    {
      AjvClass: ajvClassFor(dialect),
      // full format definitions (typed: `amount` applies to numbers, the others to strings) and x-notAfterToday
      extenderFn: (ajv: Ajv) => addFormRules(ajv),
      // the same linear-time engine for schema patterns as the server (linearRegExp.ts)
      ajvOptionsOverrides: { code: { regExp: linearRegExp } },
    },
    localizeAjvErrors,
  );
}

/** The shared rjsf validator (validators are stateless apart from their compile cache). */
export const formValidator = createRjsfValidator();

let formValidator2020: ReturnType<typeof createRjsfValidator> | undefined;

/** The shared rjsf validator for `schema`'s dialect (`$schema`: draft-07 or 2020-12). */
export function formValidatorFor(schema: Record<string, unknown>): ReturnType<typeof createRjsfValidator> {
  if (schemaDialect(schema) !== "2020-12") return formValidator;
  return (formValidator2020 ??= createRjsfValidator("2020-12"));
}
