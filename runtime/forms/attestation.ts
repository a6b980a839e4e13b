/**
 * The attestation field: how a signature (签字/签名) or a seal (盖章/公章/(章)) is captured.
 *
 * Design: an object, never a text box —
 *   { type: "object", $comment: "attestation:signature" | "attestation:seal",
 *     properties: {
 *       signed: { type: "boolean", enum: [true] },   // the person ticks “本人签字确认” / “已盖章确认”
 *       name:   { type: "string", minLength: 1 },    // who signs / which unit seals
 *       date:   { type: "string", format: "date" } },
 *     required: ["signed", "name"] (+ "date" when the paper form shows 年 月 日 beside it) }
 * with uiSchema `{ "ui:options": { attestation: "signature" | "seal" } }` as a rendering hint.
 *
 * `enum: [true]` rather than `const: true`: rjsf ≥ 5.22 pre-fills `const` values as defaults
 * (constAsDefaults), which would tick the box for the person. Office-use attestations
 * (审核人签字, 社保机构(章) …) are optional: nothing inside them is required.
 */

import { declaringSchemas } from "@/runtime/definition/schemaPlaces";
import { isObject, type JsonObject } from "@/runtime/definition/json";

export type AttestationMode = "signature" | "seal";

export const ATTESTATION_COMMENT_PREFIX = "attestation:";

export interface AttestationOptions {
  required: boolean;
  dated: boolean;
}

/** The JSON Schema (draft-07) of an attestation titled `title`. */
export function attestationSchema(title: string, mode: AttestationMode, options: AttestationOptions): Record<string, unknown> {
  const seal = mode === "seal";
  const required = options.required ? ["signed", "name", ...(options.dated ? ["date"] : [])] : [];
  return {
    type: "object",
    title,
    $comment: `${ATTESTATION_COMMENT_PREFIX}${mode}`,
    properties: {
      signed: { type: "boolean", title: signedTitle(title, mode), enum: [true] },
      name: { type: "string", title: seal ? "盖章单位名称" : "签字人姓名", minLength: 1, maxLength: 200 },
      date: { type: "string", title: seal ? "盖章日期" : "签字日期", format: "date" },
    },
    required,
  };
}

/** Who gives an attestation, from its title: 「工伤职工签名」 → 工伤职工, 「单位名称（盖章）」 → 单位; "" when it does not say. */
export function attesterOf(title: string): string {
  return title
    .replace(/[（(][^）)]*[）)]/g, "")
    .replace(/签字|签名|签章|盖章|公章|[：:\s]/g, "")
    .replace(/名称$|本人确认$|确认$/, "")
    .replace(/^(本人|个人)$/, "")
    .trim();
}

/** The tick box says whose signature or seal it is: 「工伤职工：本人签字（电子签名）确认」, 「单位：已加盖公章（电子签章）确认」. */
function signedTitle(title: string, mode: AttestationMode): string {
  const who = attesterOf(title);
  if (mode === "seal") return `${who || "单位"}：已加盖公章（电子签章）确认`;
  return who ? `${who}：本人签字（电子签名）确认` : "本人签字（电子签名）确认";
}

/** The uiSchema of an attestation. */
export function attestationUiSchema(mode: AttestationMode): Record<string, unknown> {
  return {
    "ui:options": { attestation: mode },
    "ui:classNames": `attestation attestation-${mode}`,
    signed: { "ui:widget": "checkbox" },
  };
}

/** Whether a (sub)schema is an attestation, and of which kind. */
export function attestationModeOf(schema: unknown): AttestationMode | null {
  if (!schema || typeof schema !== "object") return null;
  const comment = (schema as { $comment?: unknown }).$comment;
  if (typeof comment === "string" && comment.startsWith(ATTESTATION_COMMENT_PREFIX)) {
    const mode = comment.slice(ATTESTATION_COMMENT_PREFIX.length);
    if (mode === "signature" || mode === "seal") return mode;
  }
  return null;
}

/** The `signed` box of an attestation: a boolean that must be ticked. */
export function isMustTickBoolean(schema: unknown): boolean {
  if (!schema || typeof schema !== "object") return false;
  const s = schema as { type?: unknown; enum?: unknown; const?: unknown };
  return s.type === "boolean" && ((Array.isArray(s.enum) && s.enum.length === 1 && s.enum[0] === true) || s.const === true);
}

type Json = JsonObject;

/**
 * `data` without the must-tick boxes (an attestation's `signed`, a `const: true` consent) that are
 * not ticked: a box is either ticked (`true`, by the person) or absent. A stored `false` (rjsf used
 * to fill a required boolean with it) is never shown to rjsf, whose sanitiser “repairs” a value
 * outside a one-value `enum` with that value — it would tick the box for the person. Returns
 * `data` itself when nothing changes; never changes it in place.
 */
export function withoutUngivenTicks(schema: unknown, data: unknown, root: unknown = schema): unknown {
  if (!isObject(schema) || !isObject(root)) return data;
  if (Array.isArray(data)) {
    const items = declaringSchemas(schema, root).map((s) => s.items).find(isObject);
    if (!items) return data;
    const rows = data.map((row) => withoutUngivenTicks(items, row, root));
    return rows.some((row, i) => row !== data[i]) ? rows : data;
  }
  if (!isObject(data)) return data;
  let out: Json | null = null;
  for (const declaring of declaringSchemas(schema, root)) {
    if (!isObject(declaring.properties)) continue;
    for (const [key, sub] of Object.entries(declaring.properties)) {
      const current = out ?? data;
      if (!(key in current)) continue;
      if (isMustTickBoolean(sub)) {
        if (current[key] !== true) {
          out ??= { ...data };
          delete out[key];
        }
        continue;
      }
      const next = withoutUngivenTicks(sub, current[key], root);
      if (next !== current[key]) {
        out ??= { ...data };
        out[key] = next;
      }
    }
  }
  return out ?? data;
}
