/**
 * Test-only seeding for end-to-end specs: writes a local variant of a region service straight
 * into the end-to-end server's database (until the designer can create one), and prints
 * `{ serviceId, versionId }` as JSON.
 *
 *   node --import tsx tests/support/e2eSeedVariant.ts DATABASE_URL CODE OWNER_ORG_ID OVERLAY_JSON
 */
import { createDb } from "@/runtime/db";
import { createVariant } from "./variantFixtures";

const [url, code, ownerOrgId, overlay] = process.argv.slice(2);
if (!url || !code || !ownerOrgId || !overlay) {
  console.error("usage: e2eSeedVariant.ts DATABASE_URL CODE OWNER_ORG_ID OVERLAY_JSON");
  process.exit(2);
}
const db = createDb(url);
const parent = await db.service.findUniqueOrThrow({ where: { ownerOrgId_code: { ownerOrgId: "150000", code } } });
const variant = await createVariant(db, { parentServiceId: parent.id, ownerOrgId, overlay: JSON.parse(overlay) });
console.log(JSON.stringify({ serviceId: variant.serviceId, versionId: variant.versionId }));
await db.$disconnect();
process.exit(0);
