/**
 * 校验与共享 in the case: running a step's pre-checks and fetching its shared data through the
 * connectors (outside any transaction: a slow system never holds the database), recording what
 * each system answered (CaseCheck rows + audit events, so the timeline shows them), checking by
 * hand what no system answered, and overriding a failed check with a reason.
 */
import "server-only";
import type { Db, Tx } from "@/runtime/db";
import type { SessionUser } from "@/runtime/auth/roles";
import { AppError } from "@/runtime/errors";
import { connectorById, connectorLabel } from "@/runtime/definition/connectors";
import type { ServiceDefinition } from "@/runtime/definition/schema";
import { writeWithPrisma, type AuditSink } from "@/runtime/write";
import { askCheck, askLookup, isConfigured, type CaseContext, type Subject } from "@/runtime/connectors";
import { earlierMaterial } from "@/runtime/connectors/platform";
import { applicantCase, officeCase, readOnlyRefusal, workScopes } from "../cases/access";
import { pinnedDefinition } from "../cases/definitions";
import { blockingChecks, itemsForStep, type StepItem } from "./rules";

type Application = Awaited<ReturnType<typeof officeCase>>;

interface Result {
  item: StepItem;
  status: "passed" | "failed" | "unavailable" | "fetched" | "notFound" | "reused" | "uploaded" | "noConsent";
  answer: Record<string, unknown>;
  reason: string | null;
}

/** The case, its definition and its current staff step, for a user who works cases at its office. */
async function workingCase(db: Db | Tx, user: SessionUser, applicationId: string) {
  const application = await officeCase(db, user, applicationId);
  const roles = workScopes(user).filter((s) => s.officeId === application.officeId).map((s) => s.role as string);
  // seen (officeCase let them read it) but not theirs to work: a supervisor of the office (监督)
  if (roles.length === 0) throw readOnlyRefusal(application.office.name);
  const definition = await pinnedDefinition(db, application.serviceVersionId);
  const task = await db.task.findFirst({
    where: { applicationId, status: { in: ["open", "claimed"] }, role: { in: ["caseworker", "reviewer"] } },
    orderBy: { createdAt: "asc" },
  });
  // A step of another role is not theirs to check (a reviewer at 受理): refused, as acting on it is.
  if (task && !roles.includes(task.role)) throw new AppError("FORBIDDEN", `当前环节“${task.label}”不由您办理`);
  return { application, definition, task };
}

function subjectOf(application: Application): Subject {
  const a = application.applicant;
  return { ...(a.idNumber ? { idNumber: a.idNumber } : {}), ...(a.creditCode ? { creditCode: a.creditCode } : {}), name: a.displayName };
}

function contextOf(application: Application): CaseContext {
  return { applicationId: application.id, applicantId: application.applicantId, serviceId: application.serviceId };
}

/** A lookup field's name as the connector labels it. */
function fieldLabel(connector: string, key: string): string {
  return connectorById.get(connector)?.fields.find((f) => f.key === key)?.label ?? key;
}

async function runPreChecks(db: Db, application: Application, items: StepItem[]): Promise<{ results: Result[]; calls: { connector: string; ok: boolean; message: string | null }[] }> {
  const byConnector = new Map<string, StepItem[]>();
  for (const item of items) byConnector.set(item.connector, [...(byConnector.get(item.connector) ?? []), item]);
  const results: Result[] = [];
  const calls: { connector: string; ok: boolean; message: string | null }[] = [];
  await Promise.all(
    [...byConnector].map(async ([connector, list]) => {
      const facts = [...new Map(list.map((i) => [i.fact ?? "general", { key: i.fact ?? "general", question: i.label }])).values()];
      const answer = await askCheck(db, contextOf(application), connector, { subject: subjectOf(application), facts });
      calls.push({ connector, ok: answer.ok, message: answer.ok ? null : answer.message });
      for (const item of list) {
        if (!answer.ok) {
          results.push({ item, status: "unavailable", answer: { reason: answer.reason }, reason: answer.message });
          continue;
        }
        const fact = answer.value.facts[item.fact ?? "general"];
        results.push(
          fact
            ? { item, status: fact.passed ? "passed" : "failed", answer: { detail: fact.detail ?? null }, reason: null }
            : { item, status: "unavailable", answer: { reason: "malformed" }, reason: "接口未答复该项校验" },
        );
      }
    }),
  );
  return { results, calls };
}

async function fetchShared(db: Db, application: Application, item: StepItem, consented: Set<string>, uploaded: Set<string>): Promise<Result> {
  if (item.kind === "material" && uploaded.has(item.item)) return { item, status: "uploaded", answer: {}, reason: null };
  if (item.kind === "material" && item.connector === "platformMaterials") {
    const earlier = await earlierMaterial(db, contextOf(application), item.label);
    if (!earlier) return { item, status: "notFound", answer: {}, reason: "申请人以往办件中没有该材料" };
    if (!consented.has(item.item)) return { item, status: "noConsent", answer: { fromCase: earlier.fromCaseNumber }, reason: "申请人未同意复用以往办件中的该材料" };
    return { item, status: "reused", answer: { fromCase: earlier.fromCaseNumber, fromCaseId: earlier.fromCaseId, attachmentIds: earlier.attachmentIds, fileNames: earlier.fileNames }, reason: null };
  }
  const answer = await askLookup(db, contextOf(application), item.connector, subjectOf(application), item.label);
  if (!answer.ok) return { item, status: "unavailable", answer: { reason: answer.reason }, reason: answer.message };
  return answer.value.found
    ? { item, status: "fetched", answer: { record: answer.value.record }, reason: null }
    : { item, status: "notFound", answer: {}, reason: `${connectorLabel(item.connector)}未查到相关信息` };
}

const resultWords: Record<Result["status"], string> = {
  passed: "通过",
  failed: "未通过",
  unavailable: "系统不可用，待人工核验",
  fetched: "已获取",
  notFound: "未查到",
  reused: "已复用以往办件材料",
  uploaded: "申请人已上传",
  noConsent: "申请人未同意复用",
};

async function copyAttachments(tx: Tx, applicationId: string, materialId: string, attachmentIds: string[]): Promise<string[]> {
  const originals = await tx.attachment.findMany({ where: { id: { in: attachmentIds } } });
  const ids: string[] = [];
  for (const o of originals) {
    const copy = await tx.attachment.create({
      data: { applicationId, materialId, uploaderId: o.uploaderId, fileName: o.fileName, mimeType: o.mimeType, size: o.size, sha256: o.sha256, storageKey: o.storageKey },
    });
    ids.push(copy.id);
  }
  return ids;
}

function recordResults(audit: AuditSink, application: Application, results: Result[], calls: { connector: string; ok: boolean; message: string | null }[]) {
  const base = { entityType: "application" as const, entityId: application.id, applicationId: application.id, organisationId: application.officeId, actorRole: "caseworker" };
  for (const call of calls) {
    const system = connectorLabel(call.connector);
    const mine = results.filter((r) => r.item.kind === "preCheck" && r.item.connector === call.connector);
    audit.record({
      ...base,
      action: "check.run",
      payload: {
        connector: call.connector,
        system,
        answered: call.ok,
        reason: call.message,
        timelineLabel: call.ok ? `前置校验：${system}答复` : `前置校验：${system}不可用（${call.message}），转人工核验`,
        timelineItems: mine.map((r) => `${r.item.label}${r.item.mandatory ? "（强制）" : ""}：${resultWords[r.status]}${typeof r.answer.detail === "string" && r.answer.detail ? `（${r.answer.detail}）` : ""}`),
      },
    });
  }
  for (const r of results.filter((x) => x.item.kind !== "preCheck")) {
    const system = connectorLabel(r.item.connector);
    const record = (r.answer.record ?? {}) as Record<string, string | null>;
    audit.record({
      ...base,
      action: r.status === "reused" ? "material.reuse" : "sharedData.fetch",
      payload: {
        connector: r.item.connector,
        system,
        kind: r.item.kind,
        item: r.item.item,
        status: r.status,
        reason: r.reason,
        timelineLabel: `共享获取：${r.item.label}（${system}）${resultWords[r.status]}`,
        timelineItems: [
          ...Object.entries(record).filter(([, v]) => v !== null).map(([k, v]) => `${fieldLabel(r.item.connector, k)}：${v}`),
          ...(r.reason ? [r.reason] : []),
          ...(r.status === "reused" ? [`来自办件 ${String(r.answer.fromCase ?? "")}`] : []),
        ],
      },
    });
  }
}

/**
 * Runs the current step's checks and fetches its shared data, once each (`retry`: again those
 * whose system was unavailable). Returns how many items were asked.
 */
export async function runStepChecks(db: Db, user: SessionUser, applicationId: string, options: { retry?: boolean } = {}) {
  const { application, definition, task } = await workingCase(db, user, applicationId);
  if (!task) return { asked: 0 };
  const items = itemsForStep(definition, task.nodeId);
  const rows = await db.caseCheck.findMany({ where: { applicationId } });
  const due = (i: StepItem) => {
    const row = rows.find((r) => r.kind === i.kind && r.item === i.item);
    return !row || (options.retry === true && row.source === "system" && ["unavailable", "noConsent", "notFound"].includes(row.status));
  };
  const pending = items.filter(due);
  if (pending.length === 0) return { asked: 0 };
  const consented = new Set(rows.filter((r) => r.kind === "consent").map((r) => r.item));
  const uploaded = new Set((await db.attachment.findMany({ where: { applicationId }, select: { materialId: true } })).map((a) => a.materialId));
  const { results, calls } = await runPreChecks(db, application, pending.filter((i) => i.kind === "preCheck"));
  for (const item of pending.filter((i) => i.kind !== "preCheck")) results.push(await fetchShared(db, application, item, consented, uploaded));

  return writeWithPrisma(db, user, async ({ tx, audit }) => {
    const now = await tx.caseCheck.findMany({ where: { applicationId } });
    // Someone checked by hand or overrode meanwhile: theirs stands.
    const fresh = results.filter((r) => {
      const row = now.find((x) => x.kind === r.item.kind && x.item === r.item.item);
      return !row || (row.source === "system" && due(r.item));
    });
    for (const r of fresh) {
      let answer = r.answer;
      if (r.status === "reused") answer = { ...answer, attachmentIds: await copyAttachments(tx, applicationId, r.item.item, r.answer.attachmentIds as string[]) };
      const data = {
        nodeId: task.nodeId,
        connectorId: r.item.connector,
        mandatory: r.item.mandatory,
        status: r.status,
        source: "system",
        answer: answer as object,
        reason: r.reason,
        actorId: user.id,
        at: new Date(),
      };
      await tx.caseCheck.upsert({
        where: { applicationId_kind_item: { applicationId, kind: r.item.kind, item: r.item.item } },
        create: { applicationId, kind: r.item.kind, item: r.item.item, ...data },
        update: data,
      });
    }
    if (fresh.length === 0) {
      audit.unchanged();
      return { asked: 0 };
    }
    const freshCalls = calls.filter((c) => fresh.some((r) => r.item.kind === "preCheck" && r.item.connector === c.connector));
    recordResults(audit, application, fresh, freshCalls);
    return { asked: fresh.length };
  });
}

async function currentItem(tx: Tx, user: SessionUser, input: { applicationId: string; kind: "preCheck" | "sharing" | "material"; item: string }) {
  const { application, definition, task } = await workingCase(tx, user, input.applicationId);
  if (!task) throw new AppError("BAD_REQUEST", "当前没有您可办理的环节");
  const item = itemsForStep(definition, task.nodeId).find((i) => i.kind === input.kind && i.item === input.item);
  if (!item) throw new AppError("BAD_REQUEST", "当前环节没有该校验或共享项");
  const row = await tx.caseCheck.findUnique({ where: { applicationId_kind_item: { applicationId: input.applicationId, kind: input.kind, item: input.item } } });
  return { application, definition, task, item, row };
}

/** 人工核验: a caseworker's own check of an item no system answered (or not configured). */
export async function recordManualCheck(
  db: Db,
  user: SessionUser,
  input: { applicationId: string; kind: "preCheck" | "sharing" | "material"; item: string; passed: boolean; note: string },
) {
  return writeWithPrisma(db, user, async ({ tx, audit }) => {
    const { application, task, item, row } = await currentItem(tx, user, input);
    if (row && row.source === "system" && !["unavailable", "notFound", "noConsent"].includes(row.status)) {
      throw new AppError("BAD_REQUEST", "该项已由接口系统答复，不能改为人工核验；未通过的强制校验可填写理由越过");
    }
    const status = item.kind === "preCheck" ? (input.passed ? "passed" : "failed") : input.passed ? "fetched" : "notFound";
    const data = { nodeId: task.nodeId, connectorId: item.connector, mandatory: item.mandatory, status, source: "manual", answer: { note: input.note, systemReason: row?.reason ?? null }, reason: null, actorId: user.id, at: new Date() };
    await tx.caseCheck.upsert({
      where: { applicationId_kind_item: { applicationId: input.applicationId, kind: input.kind, item: input.item } },
      create: { applicationId: input.applicationId, kind: input.kind, item: input.item, ...data },
      update: data,
    });
    audit.record({
      action: "check.manual",
      entityType: "application",
      entityId: application.id,
      applicationId: application.id,
      organisationId: application.officeId,
      actorRole: task.role,
      payload: {
        kind: input.kind,
        item: input.item,
        connector: item.connector,
        passed: input.passed,
        note: input.note,
        timelineLabel: `人工核验：${item.label}（${input.passed ? (item.kind === "preCheck" ? "通过" : "已核实") : item.kind === "preCheck" ? "未通过" : "未核实"}）`,
        comment: input.note,
      },
    });
    return { status };
  });
}

/** 越过: a caseworker lets the step go on despite a failed mandatory check, with a reason (audited, shown to the reviewer). */
export async function overrideCheck(db: Db, user: SessionUser, input: { applicationId: string; item: string; reason: string }) {
  return writeWithPrisma(db, user, async ({ tx, audit }) => {
    const { application, task, item, row } = await currentItem(tx, user, { ...input, kind: "preCheck" });
    if (!row || row.status !== "failed") throw new AppError("BAD_REQUEST", "只有未通过的前置校验可以越过");
    await tx.caseCheck.update({
      where: { id: row.id },
      data: { status: "overridden", source: "override", reason: input.reason, actorId: user.id, at: new Date(), answer: { ...(row.answer as object), failedBy: row.source } },
    });
    audit.record({
      action: "check.override",
      entityType: "application",
      entityId: application.id,
      applicationId: application.id,
      organisationId: application.officeId,
      actorRole: task.role,
      payload: { item: input.item, connector: item.connector, mandatory: item.mandatory, reason: input.reason, timelineLabel: `越过前置校验：${item.label}`, comment: input.reason },
    });
    return { status: "overridden" };
  });
}

/** What the case page shows: the current step's items with their results, and every result of the case (for the reviewer and the record). */
export async function caseChecksView(db: Db, applicationId: string, definition: ServiceDefinition, nodeId: string | null) {
  const rows = await db.caseCheck.findMany({ where: { applicationId, kind: { not: "consent" } }, orderBy: { at: "asc" } });
  const actors = new Map(
    (await db.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.actorId).filter((x): x is string => !!x))] } }, select: { id: true, displayName: true } })).map((u) => [u.id, u.displayName]),
  );
  const labelOf = (kind: string, item: string) => (kind === "material" ? (definition.materials.find((m) => m.id === item)?.name ?? item) : item);
  const results = rows.map((r) => ({
    kind: r.kind,
    item: r.item,
    label: labelOf(r.kind, r.item),
    nodeId: r.nodeId,
    system: connectorLabel(r.connectorId),
    connector: r.connectorId,
    mandatory: r.mandatory,
    status: r.status,
    source: r.source,
    answer: (r.answer ?? {}) as Record<string, unknown>,
    reason: r.reason,
    actorName: r.actorId ? (actors.get(r.actorId) ?? null) : null,
    at: r.at,
  }));
  const stepItems = nodeId ? itemsForStep(definition, nodeId) : [];
  const items = stepItems.map((i) => ({ ...i, system: connectorLabel(i.connector), configured: isConfigured(i.connector), result: results.find((r) => r.kind === i.kind && r.item === i.item) ?? null }));
  /** The mandatory checks that hold back the step's completing actions. */
  const blocking = blockingChecks(stepItems, rows).map((i) => i.label);
  return { items, results, blocking };
}

/** For the applicant's own case: how each material obtainable by sharing will be obtained, and whether they agreed to reuse an earlier one. */
export async function sharedMaterialsForApplicant(db: Db, user: SessionUser, applicationId: string) {
  const application = await applicantCase(db, user, applicationId);
  const definition = await pinnedDefinition(db, application.serviceVersionId);
  const consents = new Set((await db.caseCheck.findMany({ where: { applicationId, kind: "consent" }, select: { item: true } })).map((r) => r.item));
  const context = contextOf(application as unknown as Application);
  const list = [];
  for (const binding of definition.connectors?.materials ?? []) {
    const material = definition.materials.find((m) => m.id === binding.materialId);
    if (!material) continue;
    const earlier = binding.connector === "platformMaterials" ? await earlierMaterial(db, context, material.name) : null;
    list.push({
      materialId: material.id,
      connector: binding.connector,
      system: connectorLabel(binding.connector),
      earlierCase: earlier ? (earlier.fromCaseNumber ?? null) : null,
      earlierFiles: earlier?.fileNames ?? [],
      consented: consents.has(material.id),
    });
  }
  return list;
}

/** The applicant agrees that a material they handed in with an earlier case is reused for this one (recorded, audited). */
export async function consentToReuse(db: Db, user: SessionUser, input: { applicationId: string; materialId: string }) {
  return writeWithPrisma(db, user, async ({ tx, audit }) => {
    const application = await applicantCase(tx, user, input.applicationId);
    if (!["draft", "submitted", "waiting_applicant", "in_progress"].includes(application.status)) throw new AppError("BAD_REQUEST", "办件已办结，不能再同意复用材料");
    const definition = await pinnedDefinition(tx, application.serviceVersionId);
    const binding = definition.connectors?.materials.find((m) => m.materialId === input.materialId && m.connector === "platformMaterials");
    const material = definition.materials.find((m) => m.id === input.materialId);
    if (!binding || !material) throw new AppError("BAD_REQUEST", "该材料不能复用以往办件中的材料");
    const data = { nodeId: "", connectorId: "platformMaterials", status: "consented", source: "applicant", actorId: user.id, at: new Date() };
    await tx.caseCheck.upsert({
      where: { applicationId_kind_item: { applicationId: input.applicationId, kind: "consent", item: input.materialId } },
      create: { applicationId: input.applicationId, kind: "consent", item: input.materialId, ...data },
      update: data,
    });
    audit.record({
      action: "material.consent",
      entityType: "application",
      entityId: application.id,
      applicationId: application.id,
      organisationId: application.officeId,
      payload: { materialId: material.id, timelineLabel: `申请人同意复用以往办件中的材料：${material.name}` },
    });
    return { consented: true };
  });
}
