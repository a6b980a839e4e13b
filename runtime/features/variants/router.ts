/**
 * Local variants' API (issue 8). Each concern's procedures live in their own module and are
 * spread here: 有新版本 (rebaseApi.ts) and the administrators' overview (overviewApi.ts).
 */
import { router } from "@/runtime/trpc/init";
import { overviewProcedures } from "./overviewApi";
import { rebaseProcedures } from "./rebaseApi";

export const variantsRouter = router({
  ...rebaseProcedures,
  ...overviewProcedures,
});
