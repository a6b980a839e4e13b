import type { Metadata } from "next";
import Link from "next/link";
import { RegisterForm } from "./RegisterForm";

export const metadata: Metadata = { title: "注册" };

export default function RegisterPage() {
  return (
    <div className="mx-auto max-w-lg">
      <h1 className="mb-2 text-2xl font-semibold">注册账号</h1>
      <p className="mb-4 text-sm text-muted-foreground">
        个人以居民身份证号、单位以统一社会信用代码实名注册，手机号接收验证码。工作人员账号由管理员开通，无需在此注册。
      </p>
      <div className="rounded-lg border bg-background p-6 shadow-sm">
        <RegisterForm />
      </div>
      <p className="mt-4 text-sm">
        已有账号？<Link href="/login" className="font-medium text-primary underline underline-offset-2">登录</Link>
      </p>
    </div>
  );
}
