// Prisma 7 reads the datasource URL from here (not from the schema) and does not load .env.
// One model, two databases: prisma/schema.prisma (SQLite, the source) and the generated
// prisma/postgres/schema.prisma, chosen by DATABASE_URL's scheme.
// Note: the native schema engine cannot be downloaded here, so `prisma migrate …` / `db push`
// do not work; use `npm run migrations:create <name>` and `npm run db:migrate` instead.
import { defineConfig } from "prisma/config";

const url = process.env.DATABASE_URL || "file:./data/app.db";
const isPostgres = /^postgres(ql)?:\/\//i.test(url);

export default defineConfig({
  schema: isPostgres ? "prisma/postgres/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: isPostgres ? "prisma/migrations/postgres" : "prisma/migrations/sqlite" },
  datasource: { url },
});
