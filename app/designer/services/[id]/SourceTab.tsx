"use client";
/** 原文 tab: the template's lines from the source document. */
import { useQuery } from "@tanstack/react-query";
import { useTRPC, errorMessage } from "@/app/_trpc/client";
import { SourceView } from "@/designer/source/SourceView";

export function SourceTab({ serviceId }: { serviceId: string }) {
  const trpc = useTRPC();
  const source = useQuery({ ...trpc.designer.source.queryOptions({ serviceId }), staleTime: Infinity });
  if (source.isError) return <p role="alert" className="text-destructive">{errorMessage(source.error)}</p>;
  if (source.isPending) return <p className="text-muted-foreground">正在加载原文…</p>;
  if (!source.data) return <p className="text-sm text-muted-foreground">这个事项不是从文档导入的，没有原文。</p>;
  return <SourceView source={source.data} />;
}
