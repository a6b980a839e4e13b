/**
 * Loads the project's `.env` files the way Next does (variables already set win). Imported first
 * by server.ts and the command-line scripts, so that modules reading process.env when they load
 * (cookie security, proxy trust, the database) see the same values as Next's app.
 */
import path from "node:path";
import nextEnv from "@next/env";

nextEnv.loadEnvConfig(path.resolve(import.meta.dirname, ".."), process.argv.includes("--dev"), { info: () => {}, error: console.error });
