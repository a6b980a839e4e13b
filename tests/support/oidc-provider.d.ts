// oidc-provider ships no types; the tests use a handful of its calls (tests/support/oidcProvider.ts).
declare module "oidc-provider";
