/** 账号管理: staff accounts, for region and office administrators (organisation checked in the service). */
import { z } from "zod";
import { router, staffProcedure } from "@/runtime/trpc/init";
import { staffRoles } from "@/runtime/auth/roles";
import { accountsOverview, createStaffAccount, resetAccountPassword, setAccountDisabled, signOutEverywhere, USERNAME_PATTERN } from "./service";

const administrators = staffProcedure(["region_admin", "office_admin"]);
const organisationId = z.string().trim().min(1).max(20);
const userId = z.object({ userId: z.string().min(1).max(40) });

export const staffAccountsRouter = router({
  list: administrators
    .input(z.object({ organisationId: organisationId.optional() }))
    .query(({ ctx, input }) => accountsOverview(ctx.db, ctx.user, input.organisationId)),

  create: administrators
    .meta({ audit: ["account.create"] })
    .input(
      z.object({
        organisationId,
        username: z.string().trim().regex(USERNAME_PATTERN, "用户名须为 2–64 个字母、数字、点、下划线或连字符"),
        displayName: z.string().trim().min(1, "请输入姓名").max(40, "姓名最多 40 个字"),
        role: z.enum(staffRoles, { message: "请选择角色" }),
      }),
    )
    .mutation(({ ctx, input }) => createStaffAccount(ctx.db, ctx.user, input)),

  disable: administrators
    .meta({ audit: ["account.disable"] })
    .input(userId)
    .mutation(({ ctx, input }) => setAccountDisabled(ctx.db, ctx.user, input.userId, true)),

  enable: administrators
    .meta({ audit: ["account.enable"] })
    .input(userId)
    .mutation(({ ctx, input }) => setAccountDisabled(ctx.db, ctx.user, input.userId, false)),

  resetPassword: administrators
    .meta({ audit: ["account.resetPassword"] })
    .input(userId)
    .mutation(({ ctx, input }) => resetAccountPassword(ctx.db, ctx.user, input.userId)),

  signOutEverywhere: administrators
    .meta({ audit: ["account.signOutEverywhere"] })
    .input(userId)
    .mutation(({ ctx, input }) => signOutEverywhere(ctx.db, ctx.user, input.userId)),
});
