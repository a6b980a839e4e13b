/**
 * The server Playwright starts: the production server on a fresh, seeded SQLite database
 * in a temporary folder, so every end-to-end run starts from the same state.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const dir = mkdtempSync(path.join(os.tmpdir(), "hrss-e2e-"));
process.env.DATABASE_URL = `file:${path.join(dir, "e2e.db")}`;
process.env.DATA_DIR = path.join(dir, "files");
(process.env as Record<string, string>).NODE_ENV = "production";
process.env.NEXT_TELEMETRY_DISABLED = "1";
// Codes of an earlier run are not this run's.
if (process.env.NOTIFY_OUTBOX_FILE) rmSync(process.env.NOTIFY_OUTBOX_FILE, { force: true });

await import("@/server");
