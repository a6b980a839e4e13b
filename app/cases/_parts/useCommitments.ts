"use client";
/** 告知承诺 on a draft: the materials committed to, read for the materials step and the submission check. */
import { useMemo } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";

export function useCommitments(applicationId: string, enabled: boolean) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery({ ...trpc.commitments.ofCase.queryOptions({ applicationId }), enabled });
  const ids = useMemo(() => new Set((query.data ?? []).map((c) => c.materialId)), [query.data]);
  /** Committed materials as the submission check counts them: provided. */
  const asProvided = useMemo(() => [...ids].map((materialId) => ({ materialId })), [ids]);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.commitments.ofCase.queryKey({ applicationId }) });
  return { ids, asProvided, refresh };
}
