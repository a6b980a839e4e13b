/**
 * ajv 8 for form schemas: draft-07 (ajv's default class), allErrors, ajv-formats, the custom formats
 * of `formats.ts` and the keyword `x-notAfterToday` (`notAfterToday.ts`); and a compile cache keyed
 * by (definition version id, form id) so each form schema is compiled once per process.
 */
import Ajv from "ajv";
import Ajv2020 from "ajv/dist/2020";
import { schemaDialect, type SchemaDialect } from "./dialect";
import type { ErrorObject, Options, ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { NUMBER_FORMATS, STRING_FORMATS } from "./formats";
import { linearRegExp } from "./linearRegExp";
import { notAfterTodayKeyword } from "./notAfterToday";

export type { ErrorObject, ValidateFunction };

/**
 * Adds this platform's form rules to an ajv instance: the custom formats and the keyword
 * `x-notAfterToday`. Every ajv built for forms gets them here: the server's (`createAjvFor`), the
 * browser's rjsf validator (rjsfValidator.ts) and the precompiled validators (precompile.ts).
 */
export function addFormRules<T extends Ajv>(ajv: T): T {
  for (const [name, validate] of Object.entries(STRING_FORMATS)) ajv.addFormat(name, { type: "string", validate });
  for (const [name, validate] of Object.entries(NUMBER_FORMATS)) ajv.addFormat(name, { type: "number", validate });
  ajv.addKeyword(notAfterTodayKeyword);
  return ajv;
}

/**
 * A new ajv instance for form schemas. Schema patterns run on a linear-time engine (re2js, see
 * linearRegExp.ts), so no administrator-authored pattern can hold the process. `verbose` keeps the failing value and parent schema on each
 * error (the messages name the field by its `title`). Not strict by default: schemas may carry
 * annotations ajv does not know; pass `{ strict: true }` to check a schema generator. `passContext`:
 * a validator called as `validate.call({ today }, data)` hands its context to every part of the
 * schema (`$ref`s included), so the server decides which day is today (`FormValidationContext`).
 */
export function createAjv(options: Options = {}): Ajv {
  return createAjvFor("draft-07", options);
}

/** ajv's class for a schema dialect (draft-07: the default class; 2020-12: `Ajv2020`), for rjsf's validator too. */
export function ajvClassFor(dialect: SchemaDialect): typeof Ajv {
  return dialect === "2020-12" ? (Ajv2020 as unknown as typeof Ajv) : Ajv;
}

/** An ajv for `dialect`, set up as `createAjv`. */
export function createAjvFor(dialect: SchemaDialect, options: Options = {}): Ajv {
  const AjvClass = ajvClassFor(dialect);
  const ajv = new AjvClass({ allErrors: true, verbose: true, strict: false, passContext: true, ...options, code: { regExp: linearRegExp, ...options.code } });
  addFormats(ajv);
  return addFormRules(ajv);
}

/** The minimal form shape the cache needs. */
export interface CompilableForm {
  id: string;
  schema: Record<string, unknown>;
}

/**
 * Compiled validators keyed by `${versionId}::${formId}`. A published definition version is
 * immutable, so its forms compile once; a bounded size keeps old versions from piling up.
 */
export class FormValidatorCache {
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly unversioned = new WeakMap<object, ValidateFunction>();
  private ajv2020: Ajv | undefined;

  constructor(
    private readonly ajv: Ajv = createAjv(),
    private readonly maxEntries = 500,
  ) {}

  /** The compiled validator of `form` in definition version `versionId` (compiled on first use). */
  get(versionId: string | null | undefined, form: CompilableForm): ValidateFunction {
    if (!versionId) {
      let validate = this.unversioned.get(form.schema);
      if (!validate) {
        validate = this.compile(form);
        this.unversioned.set(form.schema, validate);
      }
      return validate;
    }
    const key = `${versionId}::${form.id}`;
    const cached = this.validators.get(key);
    if (cached) {
      this.validators.delete(key); // refresh LRU position
      this.validators.set(key, cached);
      return cached;
    }
    const validate = this.compile(form);
    this.validators.set(key, validate);
    if (this.validators.size > this.maxEntries) {
      const oldest = this.validators.keys().next().value;
      if (oldest !== undefined) this.validators.delete(oldest);
    }
    return validate;
  }

  /** Whether the pair is compiled already. */
  has(versionId: string, formId: string): boolean {
    return this.validators.has(`${versionId}::${formId}`);
  }

  get size(): number {
    return this.validators.size;
  }

  clear(): void {
    this.validators.clear();
  }

  private compile(form: CompilableForm): ValidateFunction {
    // `$schema` decides the ajv class: draft-07 (or none) the default one, 2020-12 `Ajv2020`.
    // Compile without `$id` clashes: the same schema object may be compiled under several versions.
    const { $id: _ignored, ...schema } = form.schema as { $id?: unknown };
    const ajv = schemaDialect(form.schema) === "2020-12" ? (this.ajv2020 ??= createAjvFor("2020-12")) : this.ajv;
    return ajv.compile(schema);
  }
}

let defaultCache: FormValidatorCache | undefined;

/** The process-wide cache used by `validateFormData` (created on first use, so importing is free). */
export function defaultFormValidatorCache(): FormValidatorCache {
  defaultCache ??= new FormValidatorCache();
  return defaultCache;
}
