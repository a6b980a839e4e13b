"use client";
import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC, errorMessage } from "../../_trpc/client";
import { EmptyState } from "../../_components/EmptyState";
import { staffRoleLabels } from "@/runtime/definition/labels";
import type { StaffRole } from "@/runtime/auth/roles";

/** A password just made for someone: shown here once, never again. */
interface Shown {
  message: string;
  password: string;
}

export function StaffAccounts() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [organisationId, setOrganisationId] = useState<string | undefined>(undefined);
  const overview = useQuery(trpc.staffAccounts.list.queryOptions({ organisationId }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.staffAccounts.list.queryKey() });
  const [shown, setShown] = useState<Shown | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [username, setUsername] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [role, setRole] = useState<StaffRole | "">("");

  const create = useMutation(
    trpc.staffAccounts.create.mutationOptions({
      onSuccess: (data) => {
        setShown({ message: `已创建账号 ${data.username}`, password: data.password });
        setNotice(null);
        setUsername("");
        setDisplayName("");
        void refresh();
      },
    }),
  );
  const after = (text: string) => () => {
    setNotice(text);
    void refresh();
  };
  const disable = useMutation(trpc.staffAccounts.disable.mutationOptions({ onSuccess: after("账号已停用，其所有登录已退出") }));
  const enable = useMutation(trpc.staffAccounts.enable.mutationOptions({ onSuccess: after("账号已启用") }));
  const signOut = useMutation(trpc.staffAccounts.signOutEverywhere.mutationOptions({ onSuccess: after("该账号的所有登录已退出") }));
  const reset = useMutation(trpc.staffAccounts.resetPassword.mutationOptions());
  const failed = [disable, enable, signOut, reset].find((m) => m.isError);

  const data = overview.data;
  const organisation = data?.organisation;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!organisation) return;
    create.mutate({ organisationId: organisation.id, username, displayName, role: (role || data!.roles[0]) as StaffRole });
  };

  if (overview.isError) return <p role="alert" className="mt-4 text-destructive">{errorMessage(overview.error)}</p>;
  if (!data) return <p className="mt-4 text-muted-foreground">正在加载…</p>;
  if (!organisation) return <EmptyState title="没有可管理的单位" />;

  return (
    <div className="mt-4 space-y-6">
      {data.organisations.length > 1 && (
        <label className="flex max-w-md flex-col text-sm">
          <span className="mb-1 font-medium">单位</span>
          <select
            value={organisation.id}
            onChange={(e) => {
              setOrganisationId(e.target.value);
              setShown(null);
              setNotice(null);
            }}
            className="rounded-md border border-input bg-background px-3 py-1.5"
          >
            {data.organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}（{o.id}）
              </option>
            ))}
          </select>
        </label>
      )}

      {shown && (
        <div role="status" className="rounded-md border border-emerald-600 bg-emerald-50 px-4 py-3 text-sm text-emerald-950">
          <p>
            {shown.message}。密码只显示这一次，请妥善交给本人：
          </p>
          <p className="mt-2">
            <code data-testid="shown-password" className="rounded bg-background px-2 py-1 font-mono text-base">{shown.password}</code>
          </p>
          <button type="button" onClick={() => setShown(null)} className="mt-2 rounded-md border bg-background px-3 py-1">
            我已记下，隐藏密码
          </button>
        </div>
      )}
      {notice && <p role="status" className="rounded-md border bg-background px-3 py-2 text-sm">{notice}</p>}
      {failed && <p role="alert" className="text-sm text-destructive">{errorMessage(failed.error)}</p>}

      <form onSubmit={submit} className="flex flex-wrap items-end gap-3 rounded-lg border bg-background p-4" aria-labelledby="new-account">
        <h2 id="new-account" className="w-full text-lg font-medium">新建账号 · {organisation.name}</h2>
        <label className="flex flex-col text-sm">
          <span className="mb-1 font-medium">用户名</span>
          <input required value={username} onChange={(e) => setUsername(e.target.value)} maxLength={64} autoComplete="off" placeholder="如 xincheng.zhangsan" className="rounded-md border border-input px-3 py-1.5" />
        </label>
        <label className="flex flex-col text-sm">
          <span className="mb-1 font-medium">姓名</span>
          <input required value={displayName} onChange={(e) => setDisplayName(e.target.value)} maxLength={40} autoComplete="off" className="rounded-md border border-input px-3 py-1.5" />
        </label>
        <label className="flex flex-col text-sm">
          <span className="mb-1 font-medium">角色</span>
          <select value={role || data.roles[0]} onChange={(e) => setRole(e.target.value as StaffRole)} className="rounded-md border border-input bg-background px-3 py-1.5">
            {data.roles.map((r) => (
              <option key={r} value={r}>
                {staffRoleLabels[r]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={create.isPending} className="rounded-md bg-primary px-4 py-2 text-primary-foreground disabled:opacity-60">
          创建账号
        </button>
        {create.isError && <p role="alert" className="w-full text-sm text-destructive">{errorMessage(create.error)}</p>}
      </form>

      {data.staff.length === 0 ? (
        <EmptyState title="本单位还没有工作人员账号" />
      ) : (
        <table className="w-full rounded-lg bg-background text-sm">
          <caption className="sr-only">{organisation.name}的工作人员账号</caption>
          <thead>
            <tr className="border-b text-left">
              <th scope="col" className="px-3 py-2">用户名</th>
              <th scope="col" className="px-3 py-2">姓名</th>
              <th scope="col" className="px-3 py-2">角色</th>
              <th scope="col" className="px-3 py-2">状态</th>
              <th scope="col" className="px-3 py-2">在线会话</th>
              <th scope="col" className="px-3 py-2"><span className="sr-only">操作</span></th>
            </tr>
          </thead>
          <tbody>
            {data.staff.map((s) => (
              <tr key={s.id} className="border-b last:border-0" data-testid={`account-${s.username}`}>
                <td className="px-3 py-2 font-mono">{s.username}</td>
                <td className="px-3 py-2">{s.displayName}</td>
                <td className="px-3 py-2">{s.roles.map((r) => staffRoleLabels[r]).join("、")}</td>
                <td className="px-3 py-2">{s.disabled ? <span className="text-destructive">已停用</span> : "正常"}</td>
                <td className="px-3 py-2">{s.openSessions}</td>
                <td className="px-3 py-2">
                  {!s.self && (
                    <div className="flex flex-wrap gap-2">
                      {s.disabled ? (
                        <button type="button" aria-label={`启用 ${s.username}`} onClick={() => enable.mutate({ userId: s.id })} className="rounded-md border px-2 py-1 hover:bg-muted">启用</button>
                      ) : (
                        <button
                          type="button"
                          aria-label={`停用 ${s.username}`}
                          onClick={() => window.confirm(`停用 ${s.displayName}（${s.username}）的账号？其所有登录将立即退出。`) && disable.mutate({ userId: s.id })}
                          className="rounded-md border border-destructive/50 px-2 py-1 text-destructive hover:bg-destructive/5"
                        >
                          停用
                        </button>
                      )}
                      <button
                        type="button"
                        aria-label={`重设 ${s.username} 的密码`}
                        onClick={() =>
                          window.confirm(`为 ${s.displayName}（${s.username}）生成新密码？旧密码立即失效，其所有登录将退出。`) &&
                          reset.mutate({ userId: s.id }, { onSuccess: (r) => { setNotice(null); setShown({ message: `已为 ${s.username} 重设密码`, password: r.password }); void refresh(); } })
                        }
                        className="rounded-md border px-2 py-1 hover:bg-muted"
                      >
                        重设密码
                      </button>
                      <button type="button" aria-label={`退出 ${s.username} 的所有登录`} onClick={() => signOut.mutate({ userId: s.id })} className="rounded-md border px-2 py-1 hover:bg-muted">
                        退出所有登录
                      </button>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
