import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "./ResetPasswordForm";

export const metadata: Metadata = { title: "找回密码" };

export default function ResetPasswordPage() {
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-2 text-2xl font-semibold">找回密码</h1>
      <p className="mb-4 text-sm text-muted-foreground">
        个人和单位账号可用注册时的手机号接收验证码，设置新密码；设置后其他设备上的登录将退出。工作人员请联系本单位管理员重设密码。
      </p>
      <div className="rounded-lg border bg-background p-6 shadow-sm">
        <ResetPasswordForm />
      </div>
      <p className="mt-4 text-sm">
        <Link href="/login" className="font-medium text-primary underline underline-offset-2">返回登录</Link>
      </p>
    </div>
  );
}
