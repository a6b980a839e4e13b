import "server-only";
export {
  closeDb,
  createDb,
  dbKind,
  getDb,
  isUniqueViolation,
  sqlOf,
  type CreateDbOptions,
  type Db,
  type Tx,
} from "./client";
export {
  defaultMigrationsDir,
  loadMigrations,
  migrate,
  migratePostgres,
  migrateSqlite,
  migrationChecksum,
  MigrationChecksumError,
  openSqlite,
  type MigrateOptions,
  type MigrateResult,
  type MigrationFile,
} from "./migrate";
export { acquireLease } from "./lease";
export { withStartupLock } from "./startupLock";
export { DATABASE_UNAVAILABLE_MESSAGE, databaseTroubleMessage, isDatabaseUnavailable } from "./unavailable";
export { databaseKind, databaseUrl, DEFAULT_DATABASE_URL, redactUrl, sqliteFilePath, type DbKind } from "./url";
// The Prisma namespace (input/output types, Prisma.JsonNull / Prisma.DbNull, error classes) and
// the model types. Runtime values in it are shared by both generated clients.
export { Prisma } from "@/prisma/generated/sqlite/client";
export type {
  Application,
  Attachment,
  AuditEvent,
  CalendarOverride,
  Counter,
  Membership,
  LoginAttempt,
  Organisation,
  Service,
  ServiceVersion,
  Session,
  Task,
  User,
} from "@/prisma/generated/sqlite/client";
export { isDriverUniqueViolation, type BatchSlot, type SlotRef, type SqlDb, type SqlTx, type SqlValue } from "./sql";
