/** The variants router's procedures for 有新版本: where a variant stands, the three-way comparison, applying it. */
import { z } from "zod";
import { staffProcedure } from "@/runtime/trpc/init";
import { boundedJson } from "@/runtime/trpc/boundedJson";
import { writeWithPrisma } from "@/runtime/write";
import { applyRebase, rebasePreview, rebaseStatus } from "./rebase";
import { editableService } from "./access";

const admin = staffProcedure(["region_admin", "office_admin"]);
const id = z.string().min(1).max(64);
const itemKey = z.string().min(1).max(300);
const resolution = z.discriminatedUnion("choice", [
  z.object({ choice: z.literal("mine") }),
  z.object({ choice: z.literal("parent") }),
  z.object({ choice: z.literal("edit"), value: boundedJson(z.unknown(), { what: "编辑的内容", maxDepth: 30, maxChars: 256 * 1024 }) }),
]);

export const rebaseProcedures = {
  /** Whether the variant is behind its parent (null: not a variant). Cheap: the designer's banner asks on every open. */
  status: admin.input(z.object({ serviceId: id })).query(({ ctx, input }) => rebaseStatus(ctx.db, ctx.user, input.serviceId)),

  /** The three-way comparison (null: not behind). */
  rebasePreview: admin.input(z.object({ serviceId: id })).query(({ ctx, input }) => rebasePreview(ctx.db, ctx.user, input.serviceId)),

  rebase: admin
    .meta({ audit: ["variantRebased"] })
    .input(
      z.object({
        serviceId: id,
        parentVersionId: id,
        draftId: id.nullable(),
        revision: z.number().int().positive().nullable(),
        resolutions: z.record(itemKey, resolution).refine((r) => Object.keys(r).length <= 500, "处理的冲突过多"),
      }),
    )
    .mutation(({ ctx, input }) =>
      writeWithPrisma(ctx.db, ctx.user, async ({ tx, audit }) => {
        const service = await editableService(tx, ctx.user, input.serviceId);
        const result = await applyRebase(tx, ctx.user, service.id, input);
        audit.record({
          entityType: "ServiceVersion",
          entityId: result.draftId,
          action: "variantRebased",
          organisationId: service.ownerOrgId,
          payload: {
            serviceId: service.id,
            baseVersionId: result.baseVersionId,
            baseNumber: result.baseNumber,
            revision: result.revision,
            resolutions: Object.fromEntries(Object.entries(input.resolutions).map(([key, r]) => [key, r.choice])),
          },
        });
        return result;
      }),
    ),
};
