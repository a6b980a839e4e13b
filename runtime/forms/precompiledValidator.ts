/**
 * The browser side of precompiled form validators (see precompile.ts): loads the script the
 * server wrote for a form of a definition version (a same-origin `<script src>`, allowed by a
 * Content-Security-Policy without `unsafe-eval`) and wraps it as an rjsf validator with the same
 * Chinese messages as the ajv-compiling one (rjsfValidator.ts).
 */
import { createPrecompiledValidator } from "@rjsf/validator-ajv8";
import type { RJSFSchema, ValidatorType } from "@rjsf/utils";
import equal from "ajv/dist/runtime/equal";
import ucs2length from "ajv/dist/runtime/ucs2length";
import uri from "ajv/dist/runtime/uri";
import ValidationError from "ajv/dist/runtime/validation_error";
import { fullFormats } from "ajv-formats/dist/formats";
import { NUMBER_FORMATS, STRING_FORMATS } from "./formats";
import { linearRegExp } from "./linearRegExp";
import { localizeAjvErrors } from "./messages";
import { notAfterToday } from "./notAfterToday";
import { FORMATS_MODULE, FORMS_MODULE, VALIDATORS_GLOBAL, validatorKey, validatorScriptPath } from "./precompiledNames";

type ValidateFns = Record<string, unknown>;

/** What the generated code may `require`: ajv's runtime helpers, the formats, the pattern engine, the x-notAfterToday rule. */
const modules: Record<string, unknown> = {
  "ajv/dist/runtime/equal": { default: equal },
  "ajv/dist/runtime/ucs2length": { default: ucs2length },
  "ajv/dist/runtime/uri": { default: uri },
  "ajv/dist/runtime/validation_error": { default: ValidationError },
  [FORMS_MODULE]: { linearRegExp, notAfterToday },
  [FORMATS_MODULE]: {
    ...fullFormats,
    ...Object.fromEntries(Object.entries(STRING_FORMATS).map(([name, validate]) => [name, { type: "string", validate }])),
    ...Object.fromEntries(Object.entries(NUMBER_FORMATS).map(([name, validate]) => [name, { type: "number", validate }])),
  },
};

/** The `require` the generated code calls. */
export function requireForValidators(name: string): unknown {
  if (!(name in modules)) throw new Error(`表单校验程序缺少模块 ${name}`);
  return modules[name];
}

/** The rjsf validator over precompiled functions (as a loaded script registered them). */
export function precompiledFormValidator(fns: Record<string, unknown>, schema: Record<string, unknown>): ValidatorType {
  return createPrecompiledValidator(fns as never, schema as RJSFSchema, localizeAjvErrors as never);
}

interface Registry {
  require(name: string): unknown;
  define(key: string, fns: ValidateFns): void;
  loaded: Map<string, Promise<ValidateFns>>;
  waiting: Map<string, (fns: ValidateFns) => void>;
}

function registry(): Registry {
  const w = window as unknown as Record<string, Registry | undefined>;
  let r = w[VALIDATORS_GLOBAL];
  if (!r) {
    const created: Registry = {
      require: requireForValidators,
      define(key, fns) {
        created.waiting.get(key)?.(fns);
        created.waiting.delete(key);
      },
      loaded: new Map(),
      waiting: new Map(),
    };
    r = w[VALIDATORS_GLOBAL] = created;
  }
  return r;
}

function loadScript(versionId: string, formId: string): Promise<ValidateFns> {
  const r = registry();
  const key = validatorKey(versionId, formId);
  let pending = r.loaded.get(key);
  if (!pending) {
    pending = new Promise<ValidateFns>((resolve, reject) => {
      r.waiting.set(key, resolve);
      const script = document.createElement("script");
      script.src = validatorScriptPath(versionId, formId);
      script.async = true;
      script.onerror = () => {
        r.loaded.delete(key);
        r.waiting.delete(key);
        reject(new Error("表单校验程序加载失败，请检查网络后刷新页面"));
      };
      // A script that ran without registering (a server error page) leaves nothing to wait for.
      script.onload = () => {
        if (r.waiting.has(key)) {
          r.waiting.delete(key);
          r.loaded.delete(key);
          reject(new Error("表单校验程序无效，请刷新页面后重试"));
        }
      };
      document.head.appendChild(script);
    });
    r.loaded.set(key, pending);
  }
  return pending;
}

/** The rjsf validator of form `formId` of definition version `versionId`, whose schema is `schema`. */
export async function loadFormValidator(versionId: string, formId: string, schema: Record<string, unknown>): Promise<ValidatorType> {
  return precompiledFormValidator(await loadScript(versionId, formId), schema);
}
