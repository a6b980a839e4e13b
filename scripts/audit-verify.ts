/** npm run audit:verify — recompute the audit trail's hash chain; exit 1 when it is broken. */
import { closeDb, getDb } from "@/runtime/db";
import { verifyAuditTrail } from "@/runtime/write/auditVerify";
import { replayProblems } from "@/runtime/features/cases/replayCheck";

const result = await verifyAuditTrail(getDb());
const replay = await replayProblems(getDb());
await closeDb();
if (replay.problems.length === 0) {
  console.log(`办件状态与审计记录一致：${replay.checked} 个办件按其事件重放后与保存的状态相同${replay.unrecorded ? `（另有 ${replay.unrecorded} 个办件早于事件记录启用）` : ""}。`);
} else {
  console.error(`有 ${replay.problems.length} 个办件的状态与其审计记录不符（共检查 ${replay.checked} 个）：`);
  for (const p of replay.problems.slice(0, 50)) console.error(`  - ${p.caseNumber ?? p.applicationId}：${p.problem}`);
}
if (result.ok) {
  console.log(`审计记录完整：链上 ${result.checked} 个事件全部校验通过${result.unchained ? `（另有 ${result.unchained} 个事件早于哈希链启用）` : ""}。`);
} else {
  console.error(`审计记录已被篡改或不完整（已校验 ${result.checked} 个事件）：`);
  for (const problem of result.problems) console.error(`  - ${problem}`);
}
if (!result.ok || replay.problems.length > 0) process.exit(1);
