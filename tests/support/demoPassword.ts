/**
 * The demo accounts' password in tests and end-to-end runs (set as DEMO_PASSWORD by vitest.config.ts
 * and playwright.config.ts). Not a password README or .env.example publishes: a production start
 * with one of those is refused.
 */
export const TEST_DEMO_PASSWORD = "tests-only-Qv7#pw";
