/**
 * The server Playwright starts: the production server on a fresh, seeded SQLite database
 * in a temporary folder, so every end-to-end run starts from the same state; beside it a local
 * OpenID Connect provider as the single sign-on, a local SMTP server receiving the e-mail, and
 * the simulator of the external systems the connectors call (scripts/simulator).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const dir = mkdtempSync(path.join(os.tmpdir(), "hrss-e2e-"));
process.env.DATABASE_URL = `file:${path.join(dir, "e2e.db")}`;
// Specs that seed state no screen can make yet find the database here.
const { recordE2eDatabase } = await import("@/tests/support/e2eDatabase");
recordE2eDatabase(process.env.PORT ?? 3000, process.env.DATABASE_URL);
process.env.DATA_DIR = path.join(dir, "files");
(process.env as Record<string, string>).NODE_ENV = "production";
process.env.NEXT_TELEMETRY_DISABLED = "1";
// Codes of an earlier run are not this run's.
if (process.env.NOTIFY_OUTBOX_FILE) rmSync(process.env.NOTIFY_OUTBOX_FILE, { force: true });

// The government-service single sign-on, played by a local OpenID Connect provider (tests only).
const { startOidcProvider, E2E_OIDC_ACCOUNTS } = await import("@/tests/support/oidcProvider");
const appBase = `http://127.0.0.1:${process.env.PORT ?? 3000}`;
const provider = await startOidcProvider(`${appBase}/auth/oidc/callback`, E2E_OIDC_ACCOUNTS);
Object.assign(process.env, {
  OIDC_ISSUER: provider.issuer,
  OIDC_CLIENT_ID: provider.clientId,
  OIDC_CLIENT_SECRET: provider.clientSecret,
  OIDC_REDIRECT_URI: `${appBase}/auth/oidc/callback`,
});

// E-mail goes to a local SMTP sink beside the server; specs read what it received from a file.
const { e2eMailFile, startMailSink } = await import("@/tests/support/mailSink");
const sink = await startMailSink({ file: e2eMailFile(process.env.PORT ?? 3000) });
Object.assign(process.env, { SMTP_URL: sink.url, MAIL_FROM: "人社公共服务平台 <noreply@e2e.test>", PUBLIC_URL: appBase, NOTIFY_INTERVAL_MS: "500" });

// The external systems the connectors call (社保卡系统, 税务 …), played by the simulator, answering over real HTTP.
const { startSimulator } = await import("@/scripts/simulator/server");
const { recordE2eSimulator } = await import("@/tests/support/e2eSimulator");
const simulator = await startSimulator();
recordE2eSimulator(process.env.PORT ?? 3000, simulator.url);
Object.assign(process.env, { CONNECTOR_BASE_URL: simulator.url, CONNECTOR_TIMEOUT_MS: "1500", CONNECTOR_RETRIES: "1" });

await import("@/server");
