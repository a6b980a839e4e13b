"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC, errorMessage } from "@/app/_trpc/client";
import { EmptyState } from "@/app/_components/EmptyState";
import { ErrorNotice, Loading } from "@/app/_components/Notice";
import { formatDateTime } from "@/app/_components/format";
import { notificationKindLabels } from "@/runtime/definition/labels";

const deliveryLabels = { pending: "发送中", sent: "已发送", failed: "发送失败" } as const;

export function MessageList() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.notifications.list.queryOptions({}));
  const changed = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.notifications.list.queryKey() });
    router.refresh(); // the unread count in the header
  };
  const markRead = useMutation(trpc.notifications.markRead.mutationOptions({ onSuccess: changed }));
  const markAll = useMutation(trpc.notifications.markAllRead.mutationOptions({ onSuccess: changed }));

  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorNotice message={errorMessage(list.error)} onReload={() => void list.refetch()} />;
  const unread = list.data.filter((m) => !m.read).length;
  return (
    <div className="mt-4 space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-muted-foreground" data-testid="unread-summary">
          {unread > 0 ? `${unread} 条未读` : "没有未读消息"}
        </p>
        {unread > 0 && (
          <button type="button" onClick={() => markAll.mutate()} disabled={markAll.isPending} className="rounded-md border bg-background px-3 py-1.5 text-sm hover:bg-muted">
            全部标为已读
          </button>
        )}
      </div>
      {(markRead.isError || markAll.isError) && <ErrorNotice message={errorMessage(markRead.error ?? markAll.error)} />}
      {list.data.length === 0 ? (
        <EmptyState title="暂无消息">办件需要补正、受理或作出决定时，您会在这里收到消息。</EmptyState>
      ) : (
        <ul className="space-y-3" aria-label="消息列表">
          {list.data.map((m) => (
            <li key={m.id} className={`rounded-lg border bg-background px-4 py-3 ${m.read ? "" : "border-l-4 border-l-primary"}`} data-testid="message">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="font-medium">
                  {!m.read && <span className="mr-2 rounded bg-red-700 px-1.5 py-0.5 text-xs text-white">未读</span>}
                  <Link href={m.link} className="text-primary underline-offset-2 hover:underline" onClick={() => !m.read && markRead.mutate({ id: m.id })}>
                    {m.title}
                  </Link>
                </h2>
                <span className="text-xs text-muted-foreground">
                  {notificationKindLabels[m.kind] ?? "消息"} · <time dateTime={m.createdAt}>{formatDateTime(m.createdAt)}</time>
                </span>
              </div>
              <p className="mt-2 whitespace-pre-line text-sm">{m.body}</p>
              <div className="mt-2 flex flex-wrap items-center gap-3 text-xs text-muted-foreground">
                {m.email && <span>邮件：{deliveryLabels[m.email]}</span>}
                {m.sms && <span>短信：{deliveryLabels[m.sms]}</span>}
                {!m.read && (
                  <button type="button" onClick={() => markRead.mutate({ id: m.id })} disabled={markRead.isPending} className="rounded border bg-background px-2 py-0.5 text-foreground hover:bg-muted">
                    标为已读<span className="sr-only">：{m.title}</span>
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
