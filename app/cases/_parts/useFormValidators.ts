"use client";
/**
 * The precompiled validators of a case's forms (runtime/forms/precompiledValidator.ts): applicant
 * pages run under a Content-Security-Policy without `unsafe-eval`, so their forms cannot compile
 * validators in the browser. Loaded once per definition version and form.
 */
import { useQuery } from "@tanstack/react-query";
import type { ValidatorType } from "@rjsf/utils";
import type { FormDefinition } from "@/runtime/definition/schema";
import { loadFormValidator } from "@/runtime/forms/precompiledValidator";

export type FormValidators = Record<string, ValidatorType>;

export function useFormValidators(versionId: string, forms: FormDefinition[]) {
  return useQuery({
    queryKey: ["formValidators", versionId, forms.map((f) => f.id)],
    queryFn: async (): Promise<FormValidators> =>
      Object.fromEntries(await Promise.all(forms.map(async (f) => [f.id, await loadFormValidator(versionId, f.id, f.schema)] as const))),
    staleTime: Infinity,
    gcTime: Infinity,
    retry: 1,
  });
}
