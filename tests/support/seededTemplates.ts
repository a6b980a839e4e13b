/**
 * The committed service templates (seed/templates/*.json) for tests that go through all of them.
 * A missing, empty or incomplete folder is an error here, so those tests fail instead of looping
 * over nothing and passing.
 */
import { readTemplates, TEMPLATES_DIR } from "@/seed/loadTemplates";
import type { ServiceDefinition } from "@/runtime/definition/schema";

/** How many services the seed document yields (seed/templates/index.json lists them). */
export const SEEDED_TEMPLATE_COUNT = 154;

export function seededTemplates(): ServiceDefinition[] {
  const templates = readTemplates();
  if (templates.length !== SEEDED_TEMPLATE_COUNT) {
    throw new Error(`${TEMPLATES_DIR} holds ${templates.length} templates, expected ${SEEDED_TEMPLATE_COUNT}: run npm run seed:build`);
  }
  return templates;
}
