import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "../_lib/session";
import { MessageList } from "./MessageList";
import { ChannelSettings } from "./ChannelSettings";

export const metadata: Metadata = { title: "消息" };
export const dynamic = "force-dynamic";

/** 消息: every signed-in user's messages about cases; applicants also choose how else to hear of them. */
export default async function MessagesPage() {
  const user = await currentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent("/messages")}`);
  return (
    <div className="space-y-8">
      <section aria-labelledby="messages-title">
        <h1 id="messages-title" className="text-2xl font-semibold">消息</h1>
        <MessageList />
      </section>
      {user.kind !== "staff" && <ChannelSettings />}
    </div>
  );
}
