/**
 * Which JSON Schema dialect a form schema is written in, by its `$schema`: draft-07 (also when
 * `$schema` is absent, this platform's default) or draft 2020-12 (forms written for
 * react-jsonschema-form elsewhere may use either). Each compiles with its own ajv class: the
 * default class for draft-07, `Ajv2020` for 2020-12 (`createAjvFor` in ajv.ts). Other dialects
 * are not accepted.
 */
export type SchemaDialect = "draft-07" | "2020-12";

export const DIALECT_URIS: Record<SchemaDialect, readonly string[]> = {
  "draft-07": ["http://json-schema.org/draft-07/schema#", "http://json-schema.org/draft-07/schema", "https://json-schema.org/draft-07/schema#", "https://json-schema.org/draft-07/schema"],
  "2020-12": ["https://json-schema.org/draft/2020-12/schema", "https://json-schema.org/draft/2020-12/schema#"],
};

/** The dialect `$schema` names (draft-07 when there is none), or null for a dialect not accepted here. */
export function schemaDialect(schema: Record<string, unknown>): SchemaDialect | null {
  const uri = schema.$schema;
  if (uri === undefined) return "draft-07";
  for (const [dialect, uris] of Object.entries(DIALECT_URIS) as [SchemaDialect, readonly string[]][]) if (typeof uri === "string" && uris.includes(uri)) return dialect;
  return null;
}

