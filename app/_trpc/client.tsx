"use client";
/** The typed tRPC client for React (TanStack Query), sending the CSRF token on every call. */
import { useState, type ReactNode } from "react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, httpLink, splitLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import type { AppRouter } from "@/runtime/trpc/appRouter";
import { CSRF_HEADER, csrfFromDocumentCookie } from "@/runtime/auth/cookies";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

function csrfHeader(): Record<string, string> {
  if (typeof document === "undefined") return {};
  const token = csrfFromDocumentCookie(document.cookie);
  return token ? { [CSRF_HEADER]: token } : {};
}

export function TrpcProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: { staleTime: 10_000, retry: (count, error) => count < 2 && !/40\d/.test(String((error as { data?: { httpStatus?: number } }).data?.httpStatus ?? "")) },
        },
      }),
  );
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      // Mutations with an input go one per request (sign-in is refused inside a batch, and a single
      // mutation takes the server's lean path; one without input has no body to send alone, so it is
      // batched); queries are batched, at most 10 to a request (the server's cap).
      links: [
        splitLink({
          condition: (op) => op.type === "mutation" && op.input !== undefined,
          true: httpLink({ url: "/api/trpc", headers: csrfHeader }),
          false: httpBatchLink({ url: "/api/trpc", headers: csrfHeader, maxItems: 10 }),
        }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}

/** The Chinese message of a tRPC error, for display. */
export function errorMessage(error: unknown): string {
  if (error && typeof error === "object" && "message" in error && typeof error.message === "string" && error.message) {
    return /[\u4e00-\u9fff]/.test(error.message) ? error.message : "网络异常，请稍后重试";
  }
  return "操作失败，请稍后重试";
}
