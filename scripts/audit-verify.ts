/** npm run audit:verify — recompute the audit trail's hash chain; exit 1 when it is broken. */
import { closeDb, getDb } from "@/runtime/db";
import { verifyAuditTrail } from "@/runtime/write/auditVerify";

const result = await verifyAuditTrail(getDb());
await closeDb();
if (result.ok) {
  console.log(`审计记录完整：链上 ${result.checked} 个事件全部校验通过${result.unchained ? `（另有 ${result.unchained} 个事件早于哈希链启用）` : ""}。`);
} else {
  console.error(`审计记录已被篡改或不完整（已校验 ${result.checked} 个事件）：`);
  for (const problem of result.problems) console.error(`  - ${problem}`);
  process.exit(1);
}
