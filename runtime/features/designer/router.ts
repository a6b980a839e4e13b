/**
 * The designer's API. Every query and mutation checks that the user administers the service's
 * owning organisation; every mutation runs in one transaction with its audit event.
 */
import { z } from "zod";
import { router, staffProcedure } from "@/runtime/trpc/init";
import { boundedJson } from "@/runtime/trpc/boundedJson";
import { writeWithPrisma } from "@/runtime/write";
import { administeredService } from "./access";
import { createService } from "./createService";
import { editorState, writeDraft } from "./drafts";
import { publishDraft } from "./publish";
import { catalogueChanged } from "../catalogue/changes";
import { designerGroups, listDesignerServices } from "./serviceList";
import { sourceText } from "./sourceLines";
import { compareVersions, listVersions, versionDefinition } from "./versions";

const admins = ["region_admin", "office_admin"] as const;
const designer = staffProcedure(admins);

const id = z.string().min(1).max(64);
const draftRef = { draftId: id.nullable(), revision: z.number().int().positive().nullable() };
/**
 * Drafts may be half-edited: any JSON object (the lint reports what is wrong; publishing enforces the
 * contract), within bounds far above the largest seeded definition (60 KB, 15 levels).
 */
const definition = boundedJson(z.record(z.string(), z.unknown()), { what: "事项定义", maxDepth: 40, maxChars: 1024 * 1024 });
const text = (max: number) => z.string().trim().min(1).max(max);

export const designerRouter = router({
  list: designer
    .input(
      z
        .object({
          search: z.string().trim().max(100).optional(),
          status: z.enum(["draft", "published", "unpublished"]).optional(),
          part: z.string().max(200).optional(),
          category: z.string().max(200).optional(),
        })
        .optional(),
    )
    .query(({ ctx, input }) => listDesignerServices(ctx.db, ctx.user, input ?? {})),

  groups: designer.query(({ ctx }) => designerGroups(ctx.db, ctx.user)),

  get: designer.input(z.object({ serviceId: id })).query(({ ctx, input }) => editorState(ctx.db, ctx.user, input.serviceId)),

  source: designer.input(z.object({ serviceId: id })).query(({ ctx, input }) => sourceText(ctx.db, ctx.user, input.serviceId)),

  versions: designer.input(z.object({ serviceId: id })).query(({ ctx, input }) => listVersions(ctx.db, ctx.user, input.serviceId)),

  version: designer
    .input(z.object({ serviceId: id, versionId: id }))
    .query(({ ctx, input }) => versionDefinition(ctx.db, ctx.user, input.serviceId, input.versionId)),

  compare: designer
    .input(z.object({ serviceId: id, beforeId: id, afterId: id }))
    .query(({ ctx, input }) => compareVersions(ctx.db, ctx.user, input.serviceId, input.beforeId, input.afterId)),

  saveDraft: designer
    .meta({ audit: ["draft.create", "draft.save"] })
    .input(z.object({ serviceId: id, ...draftRef, definition }))
    .mutation(({ ctx, input }) =>
      writeWithPrisma(ctx.db, ctx.user, async ({ tx, audit }) => {
        const service = await administeredService(tx, ctx.user, input.serviceId);
        const result = await writeDraft(tx, ctx.user, service.id, input, input.definition);
        audit.record({
          entityType: "ServiceVersion",
          entityId: result.draftId,
          action: input.draftId ? "draft.save" : "draft.create",
          organisationId: service.ownerOrgId,
          payload: { serviceId: service.id, revision: result.revision },
        });
        return result;
      }),
    ),

  publish: designer
    .meta({ audit: ["version.publish"] })
    .input(z.object({ serviceId: id, draftId: id, revision: z.number().int().positive() }))
    .mutation(async ({ ctx, input }) => {
      const published = await writeWithPrisma(ctx.db, ctx.user, async ({ tx, audit }) => {
        const service = await administeredService(tx, ctx.user, input.serviceId);
        const result = await publishDraft(tx, ctx.user, service.id, input);
        audit.record({
          entityType: "ServiceVersion",
          entityId: result.versionId,
          action: "version.publish",
          organisationId: service.ownerOrgId,
          payload: { serviceId: service.id, number: result.number },
        });
        return result;
      });
      // After the commit: this instance's cached hall and guide pages show the new version at once.
      catalogueChanged();
      return published;
    }),

  restore: designer
    .meta({ audit: ["version.restore"] })
    .input(z.object({ serviceId: id, versionId: id, ...draftRef }))
    .mutation(({ ctx, input }) =>
      writeWithPrisma(ctx.db, ctx.user, async ({ tx, audit }) => {
        const service = await administeredService(tx, ctx.user, input.serviceId);
        const restored = await versionDefinition(tx, ctx.user, service.id, input.versionId);
        const result = await writeDraft(tx, ctx.user, service.id, input, restored.definition as Record<string, unknown>);
        audit.record({
          entityType: "ServiceVersion",
          entityId: result.draftId,
          action: "version.restore",
          organisationId: service.ownerOrgId,
          payload: { serviceId: service.id, fromVersionId: input.versionId, fromNumber: restored.number },
        });
        return result;
      }),
    ),

  createService: designer
    .meta({ audit: ["service.create", "service.copy"] })
    .input(
      z.object({
        code: z.string().trim().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, "事项编码只能包含小写字母、数字和连字符（2–64 个字符）"),
        title: text(200),
        part: text(200),
        category: text(200),
        ownerOrgId: id.optional(),
        copyFromServiceId: id.optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      writeWithPrisma(ctx.db, ctx.user, async ({ tx, audit }) => {
        const result = await createService(tx, ctx.user, input);
        audit.record({
          entityType: "Service",
          entityId: result.serviceId,
          action: input.copyFromServiceId ? "service.copy" : "service.create",
          organisationId: result.ownerOrgId,
          payload: { code: input.code, copyFromServiceId: input.copyFromServiceId ?? null },
        });
        return result;
      }),
    ),
});
