/** Calling the product's API as the signed-in user of a page, for specs that set up cases without the screens (those are portal.spec.ts's). */
import { expect, type Page } from "@playwright/test";
import { applicantForms, requiredUploads } from "@/runtime/definition/requirements";
import { sampleFormData } from "@/runtime/forms/sample";
import { chinaDateOf } from "@/runtime/calendar";
import type { ServiceDefinition } from "@/runtime/definition/schema";

export async function csrf(page: Page): Promise<string> {
  const cookie = (await page.context().cookies()).find((c) => c.name === "hrss_csrf");
  return decodeURIComponent(cookie?.value ?? "");
}

/** A tRPC call (a mutation by default) that must succeed; its data. */
export async function call<T>(page: Page, path: string, input: unknown, method: "query" | "mutation" = "mutation"): Promise<T> {
  const response =
    method === "query"
      ? await page.request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`)
      : await page.request.post(`/api/trpc/${path}`, { data: input, headers: { "x-csrf-token": await csrf(page) } });
  const body = await response.json();
  expect(response.ok(), `${path}: ${JSON.stringify(body.error ?? body)}`).toBeTruthy();
  return body.result.data as T;
}

/** Files a complete application (sample form data, every required material) at `officeId`, as the signed-in applicant on `page`. */
export async function fileApplication(page: Page, def: ServiceDefinition, officeId: string) {
  const { id } = await call<{ id: string }>(page, "applications.startDraft", { code: def.code, officeId });
  const formData = Object.fromEntries(applicantForms(def).map((f) => [f.id, sampleFormData(f.schema)]));
  const detail = await call<{ application: { rowVersion: number } }>(page, "applications.get", { id }, "query");
  await call(page, "applications.saveDraft", { id, formData, rowVersion: detail.application.rowVersion });
  for (const m of requiredUploads(def)) {
    const response = await page.request.post(`/api/files?applicationId=${id}&materialId=${m.id}`, {
      data: Buffer.from("%PDF-1.4\n%%EOF\n"),
      headers: { "content-type": "application/pdf", "x-file-name": encodeURIComponent(`${m.name}.pdf`), "x-csrf-token": await csrf(page) },
    });
    expect(response.status()).toBe(201);
  }
  const submitted = await call<{ caseNumber: string; promisedDate: string | null }>(page, "applications.submit", { id, idempotencyKey: `e2e-${id}` });
  // The day the case was filed on the server's case clock: deadlines count from it.
  const filed = await call<{ application: { submittedAt: string } }>(page, "applications.get", { id }, "query");
  return { id, ...submitted, filedOn: chinaDateOf(filed.application.submittedAt) };
}
