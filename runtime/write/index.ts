export { recordAccess, writeWithPrisma, writeWithSql, type Actor, type AuditSink, type PrismaWork, type SqlWork } from "./writePath";
export { AUDIT_ACTIONS, isAuditAction, type AuditAction, type AuditEntity, type AuditEntry } from "./auditActions";
