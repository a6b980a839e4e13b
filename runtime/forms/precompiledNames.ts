/**
 * Names shared by the server that writes precompiled form validators (precompile.ts) and the
 * browser that runs them (precompiledValidator.ts): the global the scripts register through and
 * the module names their `require` calls ask for.
 */
export const VALIDATORS_GLOBAL = "__hrssFormValidators";
export const FORMS_MODULE = "hrss:forms";
export const FORMATS_MODULE = "hrss:formats";

/** Where the browser loads the validator of form `formId` of definition version `versionId`. */
export function validatorScriptPath(versionId: string, formId: string): string {
  return `/api/form-validators/${encodeURIComponent(versionId)}/${encodeURIComponent(formId)}`;
}

/** The key a script registers its validators under. */
export const validatorKey = (versionId: string, formId: string) => `${versionId}/${formId}`;
