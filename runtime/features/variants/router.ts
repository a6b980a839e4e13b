/**
 * Local variants (issue 8). 定制本地版本 and the list of what one may customise live here;
 * saving and publishing a variant go through the designer's procedures (designer.saveDraft,
 * designer.publish), which compute the overlay and enforce the region's rules. 有新版本
 * (rebaseApi.ts) and the administrators' overview (overviewApi.ts) are spread in from their modules.
 */
import { z } from "zod";
import { router, staffProcedure } from "@/runtime/trpc/init";
import { writeWithPrisma } from "@/runtime/write";
import { customisableServices } from "./available";
import { createVariant } from "./create";
import { overviewProcedures } from "./overviewApi";
import { rebaseProcedures } from "./rebaseApi";

const admins = ["region_admin", "office_admin"] as const;
const variantAdmins = staffProcedure(admins);
const id = z.string().min(1).max(64);

export const variantsRouter = router({
  ...rebaseProcedures,
  ...overviewProcedures,

  customisable: variantAdmins
    .input(z.object({ search: z.string().trim().max(100).optional() }).optional())
    .query(({ ctx, input }) => customisableServices(ctx.db, ctx.user, input ?? {})),

  create: variantAdmins
    .meta({ audit: ["variant.create"] })
    .input(z.object({ parentServiceId: id, ownerOrgId: id.optional() }))
    .mutation(({ ctx, input }) =>
      writeWithPrisma(ctx.db, ctx.user, async ({ tx, audit }) => {
        const created = await createVariant(tx, ctx.user, input);
        audit.record({
          entityType: "Service",
          entityId: created.serviceId,
          action: "variant.create",
          organisationId: created.ownerOrgId,
          payload: { parentServiceId: input.parentServiceId, baseVersionId: created.baseVersionId, draftId: created.draftId },
        });
        return created;
      }),
    ),
});
