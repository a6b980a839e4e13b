/** The submission both sides of the submissions benchmark receive: the example service's form, ~2 KB. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { serviceDefinition, type FormDefinition, type ServiceDefinition } from "@/runtime/definition/schema";

export function benchDefinition(): ServiceDefinition {
  const raw = JSON.parse(readFileSync(path.join(import.meta.dirname, "../runtime/definition/example.json"), "utf8"));
  const definition = serviceDefinition.parse(raw);
  definition.code = "bench-unemployment-registration";
  return definition;
}

export function exampleForm(): FormDefinition {
  return benchDefinition().forms[0];
}

const filler = "本人于二〇二六年十一月因单位经营调整解除劳动合同，现处于无业状态，有就业要求。".repeat(12);

export function submissionBody(key: string) {
  return {
    code: "bench-unemployment-registration",
    officeId: "150102",
    idempotencyKey: key,
    formData: {
      registration: {
        name: "王五",
        idNumber: "11010519491231002X",
        phone: "13912345678",
        lostJobOn: "2026-11-20",
        reason: "个人辞职",
        attestation: true,
        remarks: filler,
      },
    },
  };
}
