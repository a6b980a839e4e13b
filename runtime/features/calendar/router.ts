import { z } from "zod";
import { router, staffProcedure } from "@/runtime/trpc/init";
import { clearDay, setDay, yearOverview } from "./service";

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期应为 YYYY-MM-DD 格式");

export const calendarRouter = router({
  year: staffProcedure(["region_admin", "office_admin", "caseworker", "reviewer"])
    .input(z.object({ year: z.number().int().min(2000).max(2100) }))
    .query(({ ctx, input }) => yearOverview(ctx.db, input.year)),

  setDay: staffProcedure(["region_admin"])
    .input(z.object({ date, kind: z.enum(["holiday", "workday"]), note: z.string().trim().max(100).optional() }))
    .mutation(({ ctx, input }) => setDay(ctx.db, ctx.user, input)),

  clearDay: staffProcedure(["region_admin"])
    .input(z.object({ date }))
    .mutation(({ ctx, input }) => clearDay(ctx.db, ctx.user, input.date)),
});
