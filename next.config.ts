import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "@prisma/adapter-pg",
    "pg",
    "@node-rs/argon2",
  ],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
