/**
 * Sign-in through the government-service single sign-on (OpenID Connect), configured by env:
 * OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI (…/auth/oidc/callback),
 * optionally OIDC_SCOPE (default "openid profile phone") and OIDC_ID_NUMBER_CLAIM (default
 * "id_number": the resident ID claim; trusted for linking only with `<claim>_verified: true`).
 * Without the four, the sign-in page shows no button and the routes answer 404.
 */
import "server-only";

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  scope: string;
  idNumberClaim: string;
}

export function oidcSettings(env: NodeJS.ProcessEnv = process.env): OidcSettings | null {
  const { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret, OIDC_REDIRECT_URI: redirectUri } = env;
  if (!issuer || !clientId || !clientSecret || !redirectUri) return null;
  return { issuer, clientId, clientSecret, redirectUri, scope: env.OIDC_SCOPE || "openid profile phone", idNumberClaim: env.OIDC_ID_NUMBER_CLAIM || "id_number" };
}

export function oidcConfigured(): boolean {
  return oidcSettings() !== null;
}
