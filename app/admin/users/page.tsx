import type { Metadata } from "next";
import { requireArea } from "../../_lib/session";
import { Forbidden } from "../../_components/EmptyState";
import { StaffAccounts } from "./StaffAccounts";

export const metadata: Metadata = { title: "账号管理" };
export const dynamic = "force-dynamic";

export default async function StaffAccountsPage() {
  const { allowed } = await requireArea("accounts", "/admin/users");
  if (!allowed) return <Forbidden />;
  return (
    <div>
      <h1 className="text-2xl font-semibold">账号管理</h1>
      <p className="mt-1 text-sm text-muted-foreground">
        为本单位的工作人员开设账号。新账号和重设的密码只显示一次，请当面或通过安全渠道交给本人。停用账号、重设密码或退出所有登录后，该账号已打开的页面立即失效。
      </p>
      <StaffAccounts />
    </div>
  );
}
