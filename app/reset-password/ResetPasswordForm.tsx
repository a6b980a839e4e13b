"use client";
import { useState, type FormEvent } from "react";
import Link from "next/link";
import { useMutation } from "@tanstack/react-query";
import { useTRPC, errorMessage } from "../_trpc/client";
import { CodeField, PASSWORD_HINT, TextField, fieldErrorsOf } from "../_components/AccountFields";

export function ResetPasswordForm() {
  const trpc = useTRPC();
  const [phone, setPhone] = useState("");
  const [code, setCode] = useState("");
  const [password, setPassword] = useState("");
  const reset = useMutation(trpc.accounts.resetPassword.mutationOptions());
  const errors = fieldErrorsOf(reset.error);
  if (reset.isSuccess) {
    return (
      <div role="status" className="space-y-3">
        <p className="font-medium">密码已重设。您的用户名是 {reset.data.username}。</p>
        <Link href="/login" className="inline-block rounded-md bg-primary px-4 py-2 font-medium text-primary-foreground hover:opacity-90">
          去登录
        </Link>
      </div>
    );
  }
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    reset.mutate({ phone, code, password });
  };
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate aria-label="找回密码">
      <TextField id="reset-phone" label="注册时的手机号" type="tel" autoComplete="tel" value={phone} onChange={setPhone} error={errors.phone} />
      <CodeField idPrefix="reset" phone={phone} purpose="reset" value={code} onChange={setCode} error={errors.code} />
      <TextField id="reset-password" label="新密码" type="password" autoComplete="new-password" value={password} onChange={setPassword} error={errors.password} hint={PASSWORD_HINT} />
      {reset.isError && (
        <p role="alert" className="rounded-md border border-destructive/40 bg-red-50 px-3 py-2 text-sm text-red-900">
          {errorMessage(reset.error)}
        </p>
      )}
      <button type="submit" disabled={reset.isPending} className="w-full rounded-md bg-primary px-4 py-2 font-medium text-primary-foreground hover:opacity-90 disabled:opacity-60">
        {reset.isPending ? "正在提交…" : "重设密码"}
      </button>
    </form>
  );
}
