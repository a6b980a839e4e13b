/**
 * How rjsf fills a form's state (`experimental_defaultFormStateBehavior`), one setting for every
 * service form (applicant's editor, designer preview, workbench). Pure, browser-safe.
 */
import type { Experimental_DefaultFormStateBehavior } from "@rjsf/utils";

export const FORM_STATE_BEHAVIOUR: Experimental_DefaultFormStateBehavior = {
  // `const` is never a default: a `const: true` “本人承诺…” box stays unticked until the person ticks it.
  constAsDefaults: "never",
  // A required boolean is not answered `false` for the person: it stays absent until they answer.
  // An attestation's box (`enum: [true]`) filled with `false` was “repaired” to `true` by rjsf's
  // sanitiser at the next change of any other field (a one-value enum's only value), so the box
  // ticked itself, without its date (runtime/forms/attestation.ts, `withoutUngivenTicks`).
  requiredBooleanDefault: "skip",
};
