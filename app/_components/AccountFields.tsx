"use client";
/** Form parts of 注册 and 找回密码: labelled fields with their messages, and the phone's one-time code. */
import { useEffect, useState, type InputHTMLAttributes } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTRPC, errorMessage } from "../_trpc/client";

export type FieldErrors = Record<string, string>;

/** The per-field messages of a tRPC error (zod's and the services'), by field name. */
export function fieldErrorsOf(error: unknown): FieldErrors {
  const list = (error as { data?: { fieldErrors?: { path: string; message: string }[] } } | null)?.data?.fieldErrors ?? [];
  const out: FieldErrors = {};
  for (const { path, message } of list) if (path && !out[path]) out[path] = message;
  return out;
}

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "onChange" | "value"> {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
}

export function TextField({ id, label, value, onChange, error, hint, ...input }: TextFieldProps) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        name={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="w-full rounded-md border border-input bg-background px-3 py-2 aria-[invalid=true]:border-destructive"
        {...input}
      />
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-muted-foreground">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}

/** The code field with its 获取验证码 button (counting down to the next allowed send). */
export function CodeField({ idPrefix, phone, purpose, value, onChange, error }: { idPrefix: string; phone: string; purpose: "register" | "reset"; value: string; onChange: (value: string) => void; error?: string }) {
  const trpc = useTRPC();
  const [wait, setWait] = useState(0);
  const send = useMutation(trpc.accounts.sendCode.mutationOptions({ onSuccess: (sent) => setWait(sent.resendAfterSeconds) }));
  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);
  const id = `${idPrefix}-code`;
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        短信验证码
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-status${error ? ` ${id}-error` : ""}`}
          className="w-full rounded-md border border-input bg-background px-3 py-2 aria-[invalid=true]:border-destructive"
        />
        <button
          type="button"
          onClick={() => send.mutate({ phone, purpose })}
          disabled={send.isPending || wait > 0}
          className="shrink-0 rounded-md border border-input bg-background px-3 py-2 text-sm font-medium hover:bg-muted disabled:opacity-60"
        >
          {wait > 0 ? `${wait} 秒后重新获取` : send.isSuccess ? "重新获取" : "获取验证码"}
        </button>
      </div>
      <p id={`${id}-status`} role="status" className="mt-1 text-xs text-muted-foreground">
        {send.isSuccess ? `验证码已发送至 ${send.data.sentTo}，${send.data.expiresInMinutes} 分钟内有效` : "验证码为6位数字，10 分钟内有效"}
      </p>
      {send.isError && (
        <p role="alert" className="mt-1 text-sm text-red-800">
          {errorMessage(send.error)}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}

export const PASSWORD_HINT = "至少 10 个字符，不能包含用户名、手机号或证件号码";
