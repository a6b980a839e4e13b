"use client";
import { useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import Link from "next/link";
import { useMutation } from "@tanstack/react-query";
import { useTRPC, errorMessage } from "../_trpc/client";
import { CodeField, PASSWORD_HINT, TextField, fieldErrorsOf } from "../_components/AccountFields";

type Kind = "person" | "organisation";
const tabs: { kind: Kind; label: string }[] = [
  { kind: "person", label: "个人注册" },
  { kind: "organisation", label: "单位注册" },
];

export function RegisterForm() {
  const [kind, setKind] = useState<Kind>("person");
  const [done, setDone] = useState<string | null>(null);
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKey = (event: KeyboardEvent, index: number) => {
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
    event.preventDefault();
    const next = (index + (event.key === "ArrowRight" ? 1 : tabs.length - 1)) % tabs.length;
    setKind(tabs[next].kind);
    tabRefs.current[next]?.focus();
  };
  if (done) {
    return (
      <div role="status" className="space-y-3">
        <p className="font-medium">注册成功。您的用户名是 {done}。</p>
        <Link href="/login" className="inline-block rounded-md bg-primary px-4 py-2 font-medium text-primary-foreground hover:opacity-90">
          去登录
        </Link>
      </div>
    );
  }
  return (
    <div>
      <div role="tablist" aria-label="账号类型" className="mb-4 flex gap-1 border-b">
        {tabs.map((tab, index) => (
          <button
            key={tab.kind}
            ref={(el) => {
              tabRefs.current[index] = el;
            }}
            id={`tab-${tab.kind}`}
            type="button"
            role="tab"
            aria-selected={kind === tab.kind}
            aria-controls={`panel-${tab.kind}`}
            tabIndex={kind === tab.kind ? 0 : -1}
            onClick={() => setKind(tab.kind)}
            onKeyDown={(e) => onKey(e, index)}
            className="-mb-px border-b-2 border-transparent px-4 py-2 font-medium text-muted-foreground aria-selected:border-primary aria-selected:text-foreground"
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${kind}`} aria-labelledby={`tab-${kind}`}>
        {kind === "person" ? <PersonForm onDone={setDone} /> : <OrganisationForm onDone={setDone} />}
      </div>
    </div>
  );
}

function useFields<T extends Record<string, string>>(initial: T) {
  const [values, setValues] = useState(initial);
  const set = (name: keyof T) => (value: string) => setValues((v) => ({ ...v, [name]: value }));
  return { values, set };
}

function Submit({ pending, error }: { pending: boolean; error: unknown }) {
  return (
    <>
      {error ? (
        <p role="alert" className="rounded-md border border-destructive/40 bg-red-50 px-3 py-2 text-sm text-red-900">
          {errorMessage(error)}
        </p>
      ) : null}
      <button type="submit" disabled={pending} className="w-full rounded-md bg-primary px-4 py-2 font-medium text-primary-foreground hover:opacity-90 disabled:opacity-60">
        {pending ? "正在注册…" : "注册"}
      </button>
    </>
  );
}

function PersonForm({ onDone }: { onDone: (username: string) => void }) {
  const trpc = useTRPC();
  const { values, set } = useFields({ name: "", idNumber: "", phone: "", username: "", password: "", code: "" });
  const register = useMutation(trpc.accounts.registerPerson.mutationOptions({ onSuccess: (r) => onDone(r.username) }));
  const errors = fieldErrorsOf(register.error);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    register.mutate(values);
  };
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate aria-label="个人注册">
      <TextField id="person-name" label="姓名" autoComplete="name" value={values.name} onChange={set("name")} error={errors.name} />
      <TextField id="person-idNumber" label="居民身份证号" value={values.idNumber} onChange={set("idNumber")} error={errors.idNumber} maxLength={18} hint="18位，最后一位可以是 X" />
      <TextField id="person-phone" label="手机号" type="tel" autoComplete="tel" value={values.phone} onChange={set("phone")} error={errors.phone} />
      <CodeField idPrefix="person" phone={values.phone} purpose="register" value={values.code} onChange={set("code")} error={errors.code} />
      <TextField id="person-username" label="用户名" autoComplete="username" value={values.username} onChange={set("username")} error={errors.username} hint="4–32 个字母、数字、点、下划线或连字符，以字母开头" />
      <TextField id="person-password" label="密码" type="password" autoComplete="new-password" value={values.password} onChange={set("password")} error={errors.password} hint={PASSWORD_HINT} />
      <Submit pending={register.isPending} error={register.error} />
    </form>
  );
}

function OrganisationForm({ onDone }: { onDone: (username: string) => void }) {
  const trpc = useTRPC();
  const { values, set } = useFields({ organisationName: "", creditCode: "", contactName: "", phone: "", username: "", password: "", code: "" });
  const register = useMutation(trpc.accounts.registerOrganisation.mutationOptions({ onSuccess: (r) => onDone(r.username) }));
  const errors = fieldErrorsOf(register.error);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    register.mutate(values);
  };
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate aria-label="单位注册">
      <TextField id="org-name" label="单位名称" autoComplete="organization" value={values.organisationName} onChange={set("organisationName")} error={errors.organisationName} />
      <TextField id="org-creditCode" label="统一社会信用代码" value={values.creditCode} onChange={set("creditCode")} error={errors.creditCode} maxLength={18} hint="18位，营业执照或登记证书上的代码" />
      <TextField id="org-contactName" label="经办人姓名" autoComplete="name" value={values.contactName} onChange={set("contactName")} error={errors.contactName} />
      <TextField id="org-phone" label="经办人手机号" type="tel" autoComplete="tel" value={values.phone} onChange={set("phone")} error={errors.phone} />
      <CodeField idPrefix="org" phone={values.phone} purpose="register" value={values.code} onChange={set("code")} error={errors.code} />
      <TextField id="org-username" label="用户名" autoComplete="username" value={values.username} onChange={set("username")} error={errors.username} hint="4–32 个字母、数字、点、下划线或连字符，以字母开头" />
      <TextField id="org-password" label="密码" type="password" autoComplete="new-password" value={values.password} onChange={set("password")} error={errors.password} hint={PASSWORD_HINT} />
      <Submit pending={register.isPending} error={register.error} />
    </form>
  );
}
