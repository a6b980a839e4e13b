/** The root router: one sub-router per feature folder. */
import { router } from "./init";
import { authRouter } from "../features/auth/router";
import { catalogueRouter } from "../features/catalogue/router";
import { applicationsRouter } from "../features/applications/router";
import { workbenchRouter } from "../features/workbench/router";
import { designerRouter } from "../features/designer/router";
import { calendarRouter } from "../features/calendar/router";
import { accountsRouter } from "../features/accounts/router";
import { staffAccountsRouter } from "../features/staffAccounts/router";
import { variantsRouter } from "../features/variants/router";
import { notificationsRouter } from "../features/notifications/router";
import { documentsRouter } from "../features/documents/router";
import { checksRouter } from "../features/checks/router";
import { internalAuditRouter } from "../features/internalAudit/router";
import { commitmentsRouter } from "../features/commitments/router";

export const appRouter = router({
  auth: authRouter,
  catalogue: catalogueRouter,
  applications: applicationsRouter,
  workbench: workbenchRouter,
  designer: designerRouter,
  calendar: calendarRouter,
  accounts: accountsRouter,
  staffAccounts: staffAccountsRouter,
  variants: variantsRouter,
  notifications: notificationsRouter,
  documents: documentsRouter,
  checks: checksRouter,
  internalAudit: internalAuditRouter,
  commitments: commitmentsRouter,
});

export type AppRouter = typeof appRouter;
