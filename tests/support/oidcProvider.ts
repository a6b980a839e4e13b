/**
 * A real OpenID Connect provider on localhost for the tests (oidc-provider, in-process), with one
 * client for the app and accounts whose claims the tests choose; and a browser that signs in
 * through it: follows redirects with a cookie jar per host, and answers the provider's own login
 * and consent pages (its development interactions) as the account.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

export async function startOidcProvider(redirectUri: string, accounts: Record<string, Record<string, unknown>>): Promise<TestProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = "hrss-portal";
  const clientSecret = "test-client-secret-0123456789abcdef";
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri], response_types: ["code"], grant_types: ["authorization_code"], token_endpoint_auth_method: "client_secret_post" }],
    claims: { openid: ["sub"], profile: ["name", "id_number", "id_number_verified"], phone: ["phone_number", "phone_number_verified"] },
    findAccount: async (_ctx: unknown, id: string) => (accounts[id] ? { accountId: id, claims: async () => ({ sub: id, ...accounts[id] }) } : undefined),
    cookies: { keys: ["test-cookie-key-0123456789"] },
    features: { devInteractions: { enabled: true } },
  });
  server.on("request", provider.callback());
  return { issuer, clientId, clientSecret, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The single sign-on's accounts in the end-to-end run (tests/e2e/serve.ts). */
export const E2E_OIDC_ACCOUNTS: Record<string, Record<string, unknown>> = {
  "gov-qiqige": { name: "其其格", id_number: "150102199201010021", id_number_verified: true },
};

/** A browser's cookies, per host. */
export class CookieJar {
  private readonly hosts = new Map<string, Map<string, string>>();
  of(host: string): Map<string, string> {
    let jar = this.hosts.get(host);
    if (!jar) this.hosts.set(host, (jar = new Map()));
    return jar;
  }
  store(url: URL, response: Response): void {
    const jar = this.of(url.host);
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line)) jar.delete(name);
      else jar.set(name, pair.slice(eq + 1).trim());
    }
  }
  header(url: URL): string {
    return [...this.of(url.host)].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

/** One request without following redirects, with the jar's cookies. */
export async function visit(jar: CookieJar, url: URL, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
  const headers: Record<string, string> = { cookie: jar.header(url) };
  let body: string | undefined;
  if (init.form) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    body = new URLSearchParams(init.form).toString();
  }
  const response = await fetch(url, { method: init.method ?? "GET", headers, body, redirect: "manual" });
  jar.store(url, response);
  return response;
}

/**
 * Follows the flow from `url` until a response from `stopAt`'s host that is not a redirect to the
 * provider, answering the provider's login (as `accountId`) and consent pages. `rewrite` may
 * change a URL before it is visited (to forge a state or a nonce).
 */
export async function followFlow(jar: CookieJar, url: URL, accountId: string, stopAtHost: string, rewrite: (url: URL) => URL = (u) => u): Promise<{ response: Response; url: URL }> {
  let current = rewrite(url);
  for (let step = 0; step < 20; step++) {
    let response = await visit(jar, current);
    if (response.status === 200 && /\/interaction\//.test(current.pathname)) {
      const page = await response.text();
      const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1] ?? (/name="login"/.test(page) ? "login" : "consent");
      response = await visit(jar, current, { method: "POST", form: prompt === "login" ? { prompt: "login", login: accountId, password: "x" } : { prompt: "consent" } });
    }
    const location = response.headers.get("location");
    if (current.host === stopAtHost && !(location && new URL(location, current).host !== stopAtHost)) return { response, url: current };
    if (!location) throw new Error(`flow stopped at ${current.href} with ${response.status}: ${(await response.text()).slice(0, 300)}`);
    current = rewrite(new URL(location, current));
  }
  throw new Error("too many redirects");
}
