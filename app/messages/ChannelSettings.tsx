"use client";
import { useEffect, useState } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTRPC, errorMessage } from "@/app/_trpc/client";
import { ErrorNotice, Loading } from "@/app/_components/Notice";

/** 通知方式: 站内消息 always; e-mail to an address the applicant gives; SMS to the account's phone. */
export function ChannelSettings() {
  const trpc = useTRPC();
  const current = useQuery(trpc.notifications.preferences.queryOptions());
  const [email, setEmail] = useState("");
  const [byEmail, setByEmail] = useState(false);
  const [bySms, setBySms] = useState(false);
  const save = useMutation(trpc.notifications.savePreferences.mutationOptions());
  useEffect(() => {
    if (!current.data) return;
    setEmail(current.data.email ?? "");
    setByEmail(current.data.byEmail);
    setBySms(current.data.bySms);
  }, [current.data]);

  if (current.isPending) return <Loading />;
  if (current.isError) return <ErrorNotice message={errorMessage(current.error)} onReload={() => void current.refetch()} />;
  const phone = current.data.phone;
  return (
    <section aria-labelledby="channels-title" className="rounded-lg border bg-background px-4 py-4">
      <h2 id="channels-title" className="text-lg font-semibold">通知方式</h2>
      <p className="mt-1 text-sm text-muted-foreground">站内消息始终开启。您还可以选择通过电子邮件或短信接收办件通知。</p>
      <form
        className="mt-3 space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ email, byEmail, bySms });
        }}
      >
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked disabled /> 站内消息
        </label>
        <div className="space-y-1">
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={byEmail} onChange={(e) => setByEmail(e.target.checked)} /> 电子邮件
          </label>
          <label className="block text-sm">
            <span className="mr-2">电子邮箱</span>
            <input
              type="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              autoComplete="email"
              maxLength={254}
              className="w-72 max-w-full rounded-md border px-2 py-1"
              placeholder="name@example.cn"
            />
          </label>
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={bySms} disabled={!phone} onChange={(e) => setBySms(e.target.checked)} />
          短信{phone ? `（发送至 ${phone.slice(0, 3)}****${phone.slice(-4)}）` : "（账号未绑定手机号）"}
        </label>
        {save.isError && <ErrorNotice message={errorMessage(save.error)} />}
        {save.isSuccess && !save.isPending && (
          <p role="status" className="text-sm text-green-800">
            通知方式已保存
          </p>
        )}
        <button type="submit" disabled={save.isPending} className="rounded-md bg-primary px-4 py-1.5 text-sm text-primary-foreground hover:opacity-90">
          保存通知方式
        </button>
      </form>
    </section>
  );
}
