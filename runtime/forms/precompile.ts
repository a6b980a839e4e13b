/**
 * Precompiled form validators for pages whose Content-Security-Policy forbids `eval`: ajv's
 * standalone code for a form schema (rjsf's `compileSchemaValidatorsCode`: the schema and every
 * sub-schema rjsf validates on its own), wrapped as a classic script that registers itself with
 * the page (precompiledValidator.ts). Same options as the browser's rjsf validator and the server:
 * the custom formats, the keyword `x-notAfterToday` and the linear-time pattern engine, reached
 * through the page's `require`.
 */
import { compileSchemaValidatorsCode } from "@rjsf/validator-ajv8/compileSchemaValidators";
import { _ } from "ajv";
import type Ajv from "ajv";
import type { RJSFSchema } from "@rjsf/utils";
import { addFormRules, ajvClassFor } from "./ajv";
import { schemaDialect } from "./dialect";
import { linearRegExp } from "./linearRegExp";
import { FORMATS_MODULE, FORMS_MODULE, VALIDATORS_GLOBAL } from "./precompiledNames";

/** linearRegExp, named in generated code as the page's `require("hrss:forms").linearRegExp`. */
const pageRegExp = Object.assign((pattern: string, flags: string) => linearRegExp(pattern, flags), {
  code: `require(${JSON.stringify(FORMS_MODULE)}).linearRegExp`,
});

/** The JavaScript of a script that registers the validators of `schema` under `key`. */
export function validatorScript(key: string, schema: Record<string, unknown>): string {
  const code = compileSchemaValidatorsCode(schema as RJSFSchema, {
    AjvClass: ajvClassFor(schemaDialect(schema) ?? "draft-07"),
    extenderFn: (ajv: Ajv) => addFormRules(ajv),
    ajvOptionsOverrides: { code: { regExp: pageRegExp, formats: _`require(${FORMATS_MODULE})`, lines: false } },
  });
  const g = JSON.stringify(VALIDATORS_GLOBAL);
  return (
    `(function(){var g=window[${g}];if(!g)return;var module={exports:{}};` +
    `(function(module,exports,require){${code}\n})(module,module.exports,g.require);` +
    `g.define(${JSON.stringify(key)},module.exports);})();\n`
  );
}
