/** Writes the service-definition contract as a JSON Schema file (runtime/definition/contract.schema.json). */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { contractJsonSchema } from "@/runtime/definition/jsonSchema";

const out = path.join(import.meta.dirname, "..", "runtime", "definition", "contract.schema.json");
writeFileSync(out, `${JSON.stringify(contractJsonSchema(), null, 2)}\n`);
console.log(`已写出 ${path.relative(process.cwd(), out)}`);
