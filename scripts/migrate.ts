/**
 * npm run db:migrate — apply the committed migrations to DATABASE_URL
 * (default file:./data/app.db). Safe to run repeatedly and from several instances at once.
 */
import { migrate, redactUrl, databaseUrl } from "@/runtime/db";

const url = databaseUrl();
try {
  const res = await migrate(url, { log: (m) => console.log(m) });
  console.log(
    `${redactUrl(url)} (${res.kind}): ${res.applied.length} applied, ${res.alreadyApplied.length} already applied`,
  );
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
