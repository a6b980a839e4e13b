"use client";
import { useState, type FormEvent } from "react";
import { useSearchParams } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTRPC, errorMessage } from "../_trpc/client";
import { safeNext } from "./safeNext";

const homeOf = { hall: "/hall", workbench: "/workbench", dashboard: "/workbench/dashboard", designer: "/designer", calendar: "/calendar", accounts: "/admin/users" } as const;


export function SignInForm() {
  const trpc = useTRPC();
  const params = useSearchParams();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [signOutOthers, setSignOutOthers] = useState(false);
  const signIn = useMutation(
    trpc.auth.signIn.mutationOptions({
      onSuccess: (data) => {
        const target = safeNext(params.get("next")) ?? homeOf[data.areas[0] ?? "hall"];
        window.location.assign(target);
      },
    }),
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ username, password, signOutOthers });
  };
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <div>
        <label htmlFor="username" className="mb-1 block text-sm font-medium">用户名</label>
        <input
          id="username"
          name="username"
          autoComplete="username"
          required
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          className="w-full rounded-md border border-input bg-background px-3 py-2"
        />
      </div>
      <div>
        <label htmlFor="password" className="mb-1 block text-sm font-medium">密码</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          className="w-full rounded-md border border-input bg-background px-3 py-2"
        />
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="signOutOthers" checked={signOutOthers} onChange={(e) => setSignOutOthers(e.target.checked)} />
        退出其他设备上的登录
      </label>
      {signIn.isError && (
        <p role="alert" className="rounded-md border border-destructive/40 bg-destructive/5 px-3 py-2 text-sm text-destructive">
          {errorMessage(signIn.error)}
        </p>
      )}
      <button
        type="submit"
        disabled={signIn.isPending}
        className="w-full rounded-md bg-primary px-4 py-2 font-medium text-primary-foreground hover:opacity-90 disabled:opacity-60"
      >
        {signIn.isPending ? "正在登录…" : "登录"}
      </button>
    </form>
  );
}
