/** 注册 / 找回密码: applicants' own accounts, proven by a one-time code sent to their phone. */
import { router, publicProcedure } from "@/runtime/trpc/init";
import { registerOrganisationInput, registerPersonInput, resetPasswordInput, sendCodeInput } from "./inputs";
import { registerOrganisation, registerPerson, resetPassword, sendCode } from "./registration";

export const accountsRouter = router({
  sendCode: publicProcedure
    .meta({ audit: ["codeSent"] })
    .input(sendCodeInput)
    .mutation(({ ctx, input }) => sendCode(ctx.db, input, ctx.ip)),

  registerPerson: publicProcedure
    .meta({ audit: ["register", "codeRejected"] })
    .input(registerPersonInput)
    .mutation(({ ctx, input }) => registerPerson(ctx.db, input, ctx.ip)),

  registerOrganisation: publicProcedure
    .meta({ audit: ["register", "codeRejected"] })
    .input(registerOrganisationInput)
    .mutation(({ ctx, input }) => registerOrganisation(ctx.db, input, ctx.ip)),

  resetPassword: publicProcedure
    .meta({ audit: ["passwordReset", "codeRejected"] })
    .input(resetPasswordInput)
    .mutation(({ ctx, input }) => resetPassword(ctx.db, input, ctx.ip)),
});
