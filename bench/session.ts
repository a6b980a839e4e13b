import { BENCH_DEMO_PASSWORD } from "./productServer";

/** Signing in to the product over HTTP, as the browser does: the cookies and the CSRF header for later requests. */
export async function signIn(base: string, username: string): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/trpc/auth.signIn`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: BENCH_DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`${username} 登录失败：${res.status} ${await res.text()}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(";")[0]);
  const csrf = cookies.find((c) => c.startsWith("hrss_csrf="))?.split("=")[1] ?? "";
  return { cookie: cookies.join("; "), "x-csrf-token": decodeURIComponent(csrf) };
}
