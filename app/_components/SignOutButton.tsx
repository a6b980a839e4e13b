"use client";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "../_trpc/client";

export function SignOutButton() {
  const trpc = useTRPC();
  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({
      onSettled: () => {
        window.location.assign("/login");
      },
    }),
  );
  return (
    <button
      type="button"
      onClick={() => signOut.mutate()}
      disabled={signOut.isPending}
      className="rounded-md border px-3 py-1.5 hover:bg-muted disabled:opacity-60"
    >
      退出登录
    </button>
  );
}
