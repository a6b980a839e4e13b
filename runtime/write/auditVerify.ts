/**
 * `npm run audit:verify`: walks the audit trail in order and recomputes its hash chain. An
 * edited, removed or inserted event, or a head that does not match the last event, is named.
 */
import "server-only";
import type { Db } from "@/runtime/db";
import { chainHash, GENESIS_HASH } from "./auditChain";

export interface AuditVerification {
  ok: boolean;
  /** Events checked on the chain. */
  checked: number;
  /** Events written before the chain began (no hash). */
  unchained: number;
  problems: string[];
}

const PAGE = 2_000;

export async function verifyAuditTrail(db: Db): Promise<AuditVerification> {
  const problems: string[] = [];
  let prev = GENESIS_HASH;
  let checked = 0;
  let afterId = 0;
  const unchained = await db.auditEvent.count({ where: { hash: null } });
  for (;;) {
    const page = await db.auditEvent.findMany({ where: { id: { gt: afterId }, hash: { not: null } }, orderBy: { id: "asc" }, take: PAGE });
    if (page.length === 0) break;
    for (const event of page) {
      if (event.prevHash !== prev) problems.push(`事件 #${event.id}（${event.action}）前一事件的哈希不符：其前有事件被删除、插入或修改`);
      const expected = chainHash(event.prevHash ?? "", event);
      if (event.hash !== expected) problems.push(`事件 #${event.id}（${event.action}）的内容与其哈希不符：该事件被修改过`);
      prev = event.hash ?? expected;
      checked++;
      if (problems.length >= 20) return { ok: false, checked, unchained, problems };
    }
    afterId = page[page.length - 1].id;
  }
  const head = await db.auditHead.findUnique({ where: { id: 1 } });
  if (!head) problems.push("审计链头不存在");
  else {
    if (head.hash !== prev) problems.push("审计链头与最后一个事件的哈希不符：链尾的事件被删除或修改过");
    if (head.count !== checked) problems.push(`审计链头记录了 ${head.count} 个事件，实际链上有 ${checked} 个`);
  }
  return { ok: problems.length === 0, checked, unchained, problems };
}
