/** The variants router's procedures for the administrators' overview (the standardisation view). */
import { z } from "zod";
import { staffProcedure } from "@/runtime/trpc/init";
import { behindVariants, variantDifferences, variantOverview, variantOverviewOf } from "./overview";

const admin = staffProcedure(["region_admin", "office_admin"]);

export const overviewProcedures = {
  overview: admin.query(({ ctx }) => variantOverview(ctx.db, ctx.user)),
  overviewOf: admin.input(z.object({ code: z.string().min(1).max(64) })).query(({ ctx, input }) => variantOverviewOf(ctx.db, ctx.user, input.code)),
  differences: admin.input(z.object({ serviceId: z.string().min(1).max(64) })).query(({ ctx, input }) => variantDifferences(ctx.db, ctx.user, input.serviceId)),
  behind: admin.query(({ ctx }) => behindVariants(ctx.db, ctx.user)),
};
