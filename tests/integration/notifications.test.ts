/**
 * 消息: the outbox is written in the transaction of the case event that causes it, the sender
 * delivers e-mail (to a local SMTP sink) and SMS with retries, two senders never send one row
 * twice, and users read and mark their messages.
 */
import { expect, it } from "vitest";
import { describeOnDatabases } from "../support/testDb";
import { CaseFixtures, caseWorldFor, registrationForm } from "../support/caseFixtures";
import { MemoryOutbox } from "../support/outbox";
import { startMailSink } from "../support/mailSink";
import { writeWithSql } from "@/runtime/write";
import { readCase } from "@/runtime/features/cases/caseStore";
import { pinnedDefinitionSql } from "@/runtime/features/cases/definitions";
import { loadCalendarSql } from "@/runtime/features/cases/calendar";
import { runCaseEvent } from "@/runtime/features/cases/runEvent";
import type { CaseState } from "@/runtime/engine";
import { sendDueNotifications } from "@/runtime/notify/sender";
import { smtpMailChannel, type MailChannel, type MailMessage } from "@/runtime/notify/mail";
import { queueCorrectionReminders } from "@/runtime/notify/reminders";
import { tickTimers } from "@/runtime/features/cases/timers";

describeOnDatabases("notifications", (kind) => {
  const world = caseWorldFor(kind);
  const sms = new MemoryOutbox();

  const later = (ms: number) => new Date(Date.now() + ms);

  it("a correction request writes the applicant's message in its transaction, naming the case and the service", async () => {
    const submitted = await world.fx.submitted("zhangsan");
    // The new step (受理) reached the office's caseworkers, not other offices'.
    const assigned = await world.db.notification.findMany({ where: { applicationId: submitted.id, kind: "taskAssigned" } });
    const caseworker = await world.db.user.findUniqueOrThrow({ where: { username: "xincheng.caseworker" } });
    const otherOffice = await world.db.user.findUniqueOrThrow({ where: { username: "tumed.caseworker" } });
    expect(assigned.map((n) => n.userId)).toContain(caseworker.id);
    expect(assigned.map((n) => n.userId)).not.toContain(otherOffice.id);
    expect(assigned[0].link).toBe(`/workbench/cases/${submitted.id}`);
    // Once one caseworker has done the step, no one's 新的待办 for it is left unread (found by QA: it stayed for the colleague).
    const colleague = await world.db.user.findUniqueOrThrow({ where: { username: "xincheng.caseworker2" } });
    expect(assigned.find((n) => n.userId === colleague.id)?.readAt).toBeNull();
    await world.fx.atReview("zhangsan"); // another case, accepted by xincheng.caseworker
    const accepted = await world.db.application.findFirstOrThrow({ where: { status: "in_progress" }, orderBy: { createdAt: "desc" } });
    const intakeMessages = await world.db.notification.findMany({ where: { applicationId: accepted.id, kind: "taskAssigned", title: { startsWith: "新的待办（受理）" } } });
    expect(intakeMessages.map((n) => n.userId)).toEqual(expect.arrayContaining([caseworker.id, colleague.id]));
    expect(intakeMessages.every((n) => n.readAt !== null)).toBe(true);
    // …while the new step's messages wait to be read.
    const reviewMessages = await world.db.notification.findMany({ where: { applicationId: accepted.id, kind: "taskAssigned", title: { startsWith: "新的待办（审核）" } } });
    expect(reviewMessages.length).toBeGreaterThan(0);
    expect(reviewMessages.every((n) => n.readAt === null)).toBe(true);

    const { id } = await world.fx.waitingApplicant("zhangsan");
    const [message] = await world.db.notification.findMany({ where: { applicationId: id, kind: "correctionRequested" } });
    const zhangsan = await world.db.user.findUniqueOrThrow({ where: { username: "zhangsan" } });
    const waiting = await world.db.application.findUniqueOrThrow({ where: { id } });
    expect(message.userId).toBe(zhangsan.id);
    expect(message.title).toBe(`办件需要补正：${world.fx.definition.title}`);
    expect(message.body).toContain(`「${world.fx.definition.title}」（办件编号 ${waiting.caseNumber}）`);
    expect(message.body).toContain("失业时间填写有误");
    expect(message.link).toBe(`/cases/${id}`);
    expect(message.readAt).toBeNull();
    // No e-mail or SMS asked for: 站内消息 only.
    expect([message.emailState, message.smsState]).toEqual(["none", "none"]);
  });

  it("a case event whose transaction fails leaves no message", async () => {
    const { id } = await world.fx.submitted("zhangsan");
    const before = await world.db.notification.count({ where: { applicationId: id } });
    await expect(
      writeWithSql(world.db, null, async ({ sql, audit }) => {
        const application = (await readCase(sql, id))!;
        const definition = await pinnedDefinitionSql(sql, application.serviceVersionId);
        const state = application.engineState as CaseState;
        const result = await runCaseEvent(sql, audit, {
          application,
          definition,
          calendar: await loadCalendarSql(world.db, sql),
          actorRole: "caseworker",
          event: { type: "act", at: new Date().toISOString(), taskId: state.tasks[0].taskId, actionId: "askCorrection", actor: { role: "caseworker" }, comment: "材料不全", correctionItems: ["身份证复印件不清晰"] },
        });
        expect(result.effects.some((e) => e.type === "notify" && e.kind === "correctionRequested")).toBe(true);
        // Inside the transaction the message is there …
        const inside = await sql.get<{ n: number | string }>('SELECT COUNT(*) AS "n" FROM "Notification" WHERE "applicationId" = ? AND "kind" = ?', [id, "correctionRequested"]);
        expect(Number(inside?.n)).toBe(1);
        throw new Error("事务在提交前失败");
      }),
    ).rejects.toThrow("事务在提交前失败");
    // … and with the transaction gone, so is it.
    expect(await world.db.notification.count({ where: { applicationId: id } })).toBe(before);
    expect(await world.db.notification.count({ where: { applicationId: id, kind: "correctionRequested" } })).toBe(0);
  });

  it("the sender delivers the e-mail to the SMTP server and the SMS, and marks them sent", async () => {
    const sink = await startMailSink();
    try {
      const applicant = await world.fx.as("zhangsan");
      await applicant.notifications.savePreferences({ email: "zhangsan@example.cn", byEmail: true, bySms: true });
      const { id } = await world.fx.waitingApplicant("zhangsan");
      const row = await world.db.notification.findFirstOrThrow({ where: { applicationId: id, kind: "correctionRequested" } });
      expect([row.emailTo, row.emailState, row.smsTo, row.smsState]).toEqual(["zhangsan@example.cn", "pending", "13800471234", "pending"]);

      const result = await sendDueNotifications(world.db, { mail: smtpMailChannel(sink.url, "人社公共服务平台 <noreply@test.local>"), sms, publicUrl: "https://hrss.example.cn", now: () => later(1000) });
      expect(result.failed).toBe(0);
      const mine = sink.received.filter((m) => m.text.includes(id));
      expect(mine).toHaveLength(1);
      expect(mine[0].to).toEqual(["zhangsan@example.cn"]);
      const text = mine[0].text;
      expect(text).toContain(`https://hrss.example.cn/cases/${id}`);
      expect(text).toContain("失业时间填写有误");
      expect(sms.messages.some((m) => m.phone === "13800471234" && m.text.includes("办件需要补正"))).toBe(true);
      const after = await world.db.notification.findUniqueOrThrow({ where: { id: row.id } });
      expect([after.emailState, after.emailAttempts, after.emailSentAt !== null, after.smsState, after.claimedBy]).toEqual(["sent", 1, true, "sent", null]);

      // Sent once: the next round sends nothing more of it.
      await sendDueNotifications(world.db, { mail: smtpMailChannel(sink.url), sms, now: () => later(2000) });
      expect(sink.received.filter((m) => m.text.includes(id))).toHaveLength(1);
    } finally {
      await sink.close();
      await (await world.fx.as("zhangsan")).notifications.savePreferences({ email: "", byEmail: false, bySms: false });
    }
  });

  it("a server that refuses is retried, then the e-mail is marked failed with its error", async () => {
    const sink = await startMailSink({ refuse: true });
    try {
      const applicant = await world.fx.as("zhangsan");
      await applicant.notifications.savePreferences({ email: "full@example.cn", byEmail: true, bySms: false });
      const { id } = await world.fx.waitingApplicant("zhangsan");
      const row = await world.db.notification.findFirstOrThrow({ where: { applicationId: id, kind: "correctionRequested" } });
      const mail = smtpMailChannel(sink.url);
      const round = (n: number) => sendDueNotifications(world.db, { mail, sms, maxAttempts: 3, backoffMs: () => 60_000, now: () => later(n * 120_000) });

      await round(1);
      let state = await world.db.notification.findUniqueOrThrow({ where: { id: row.id } });
      expect([state.emailState, state.emailAttempts]).toEqual(["pending", 1]);
      expect(state.emailError).toMatch(/550|拒收/);
      expect(state.emailNextAt!.getTime()).toBeGreaterThan(later(120_000).getTime());

      // Not before its next attempt is due.
      await sendDueNotifications(world.db, { mail, sms, maxAttempts: 3, now: () => later(130_000) });
      expect((await world.db.notification.findUniqueOrThrow({ where: { id: row.id } })).emailAttempts).toBe(1);

      await round(2);
      await round(3);
      state = await world.db.notification.findUniqueOrThrow({ where: { id: row.id } });
      expect([state.emailState, state.emailAttempts, state.emailSentAt]).toEqual(["failed", 3, null]);
      expect(state.emailError).toMatch(/550|拒收/);
      // Never lost: the message is still there for the applicant to read.
      expect(await (await world.fx.as("zhangsan")).notifications.list()).toEqual(expect.arrayContaining([expect.objectContaining({ id: row.id, email: "failed" })]));
      await round(4);
      expect((await world.db.notification.findUniqueOrThrow({ where: { id: row.id } })).emailAttempts).toBe(3);
    } finally {
      await sink.close();
      await (await world.fx.as("zhangsan")).notifications.savePreferences({ email: "", byEmail: false, bySms: false });
    }
  });

  it("two senders racing send each message once", async () => {
    await world.db.notification.updateMany({ where: { emailState: "pending" }, data: { emailState: "sent" } });
    const zhangsan = await world.db.user.findUniqueOrThrow({ where: { username: "zhangsan" } });
    const titles = Array.from({ length: 8 }, (_, i) => `并发测试 ${i}`);
    for (const title of titles) {
      await world.db.notification.create({ data: { userId: zhangsan.id, kind: "accepted", title, body: "正文", link: "/cases/x", emailTo: "race@example.cn", emailState: "pending", emailNextAt: new Date() } });
    }
    const sent: MailMessage[] = [];
    const slowMail: MailChannel = {
      name: "slow",
      async send(message) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        sent.push(message);
      },
    };
    const results = await Promise.all([
      sendDueNotifications(world.db, { holder: "a", mail: slowMail, sms, now: () => later(1000) }),
      sendDueNotifications(world.db, { holder: "b", mail: slowMail, sms, now: () => later(1000) }),
    ]);
    expect(sent.map((m) => m.subject).sort()).toEqual([...titles].sort());
    expect(results[0].sent + results[1].sent).toBe(titles.length);
    expect(await world.db.notification.count({ where: { title: { in: titles }, emailState: "sent", emailAttempts: 1 } })).toBe(titles.length);
  });

  it("unread counts, marking one and all read; another's message is not found", async () => {
    const applicant = await world.fx.as("zhangsan");
    const unread = await applicant.notifications.unreadCount();
    expect(unread).toBeGreaterThan(0);
    const [first] = await applicant.notifications.list({ unreadOnly: true });
    await applicant.notifications.markRead({ id: first.id });
    expect(await applicant.notifications.unreadCount()).toBe(unread - 1);
    expect((await applicant.notifications.list()).find((m) => m.id === first.id)?.read).toBe(true);
    const event = await world.db.auditEvent.findFirstOrThrow({ where: { action: "notification.read", entityId: first.id } });
    expect(event.entityType).toBe("notification");

    const caseworker = await world.fx.as("xincheng.caseworker");
    await expect(caseworker.notifications.markRead({ id: (await applicant.notifications.list())[0].id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await caseworker.notifications.unreadCount()).toBeGreaterThan(0);

    await applicant.notifications.markAllRead();
    expect(await applicant.notifications.unreadCount()).toBe(0);
  });

  it("an applicant chooses channels: e-mail needs an address, staff have no channel settings", async () => {
    const applicant = await world.fx.as("zhangsan");
    await expect(applicant.notifications.savePreferences({ email: "", byEmail: true, bySms: false })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(applicant.notifications.savePreferences({ email: "不是邮箱", byEmail: true, bySms: false })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await applicant.notifications.savePreferences({ email: "a@example.cn", byEmail: true, bySms: false })).toMatchObject({ email: "a@example.cn", byEmail: true, bySms: false, phone: "13800471234" });
    await applicant.notifications.savePreferences({ email: "", byEmail: false, bySms: false });
    await expect((await world.fx.as("xincheng.caseworker")).notifications.preferences()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("受理 tells the applicant; a step past its limit tells the office's staff of its role, once", async () => {
    const { id } = await world.fx.atReview("zhangsan");
    const accepted = await world.db.notification.findMany({ where: { applicationId: id, kind: "accepted" } });
    expect(accepted).toHaveLength(1);
    expect(accepted[0].title).toBe(`办件已受理：${world.fx.definition.title}`);

    await tickTimers(world.db, new Date(Date.now() + 90 * 86_400_000));
    await tickTimers(world.db, new Date(Date.now() + 91 * 86_400_000));
    const overdue = await world.db.notification.findMany({ where: { applicationId: id, kind: "stepOverdue" } });
    const caseworker = await world.db.user.findUniqueOrThrow({ where: { username: "xincheng.caseworker" } });
    const mine = overdue.filter((n) => n.userId === caseworker.id);
    expect(mine.length).toBeGreaterThanOrEqual(1);
    expect(mine[0].body).toMatch(/已超过办理时限（\d{4}-\d{2}-\d{2}），请尽快办理/);
    expect(mine[0].link).toBe(`/workbench/cases/${id}`);
    // Reported once per deadline: the second tick added nothing.
    expect(new Set(mine.map((n) => n.body)).size).toBe(mine.length);
  });

  it("a correction due within two days is reminded once", async () => {
    const { id } = await world.fx.waitingApplicant("zhangsan");
    const task = await world.db.task.findFirstOrThrow({ where: { applicationId: id, role: "applicant", status: "open" } });
    const tomorrow = new Date(Date.now() + 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    await world.db.task.update({ where: { id: task.id }, data: { dueDate: tomorrow } });
    expect(await queueCorrectionReminders(world.db)).toBeGreaterThanOrEqual(1);
    await queueCorrectionReminders(world.db);
    const reminders = await world.db.notification.findMany({ where: { applicationId: id, kind: "correctionDueSoon" } });
    expect(reminders).toHaveLength(1);
    expect(reminders[0].body).toContain(`补正期限为 ${tomorrow}`);
    expect(reminders[0].link).toBe(`/cases/${id}`);
  });

  it("a decision goes the way the form asked (结果送达方式：短信送达 to the number given), whatever the account's SMS setting", async () => {
    // A service whose form asks 结果送达方式 and the mobile number, as the injury forms do.
    const delivery = new CaseFixtures(world.db);
    delivery.definition.code = `delivery-${kind}`;
    const form = delivery.definition.forms[0];
    const schema = form.schema as { properties: Record<string, unknown> };
    schema.properties.delivery = { type: "array", title: "结果送达方式", items: { type: "string", enum: ["自取", "短信送达"] }, uniqueItems: true };
    schema.properties.mobile = { type: "string", title: "工伤职工手机号码", format: "cn-phone" };
    // Shown after the contact phone (PostgreSQL stores the schema's keys sorted; the order is the uiSchema's).
    const ui = (form.uiSchema ?? {}) as Record<string, unknown>;
    form.uiSchema = { ...ui, "ui:order": [...((ui["ui:order"] as string[] | undefined)?.filter((k) => k !== "*") ?? Object.keys(schema.properties).filter((k) => k !== "delivery" && k !== "mobile")), "delivery", "mobile", "*"] };
    await delivery.setUp();
    const applicant = await delivery.as("zhangsan");
    const zhangsan = await world.db.user.findUniqueOrThrow({ where: { username: "zhangsan" } });
    expect(zhangsan.notifyBySms).toBe(false);

    const file = async (choice: string[]) => {
      const { id } = await applicant.applications.startDraft({ code: delivery.code, officeId: "150102" });
      const formData = { [form.id]: { ...registrationForm().registration, delivery: choice, mobile: "13712345678" } };
      await applicant.applications.saveDraft({ id, formData, rowVersion: 1 });
      await applicant.applications.submit({ id, idempotencyKey: delivery.unique("delivery") });
      for (const [by, actionId] of [["xincheng.caseworker", "accept"], ["xincheng.caseworker", "pass"], ["xincheng.reviewer", "confirm"]] as const) {
        const view = await (await delivery.as(by)).workbench.case({ id });
        const task = view.currentTask!;
        await (await delivery.as(by)).workbench.act({ applicationId: id, taskId: task.taskId, actionId, confirmedRisks: task.riskChecklist.map((r) => r.key), rowVersion: view.application.rowVersion });
      }
      return world.db.notification.findFirstOrThrow({ where: { applicationId: id, kind: "completed" } });
    };

    const bySms = await file(["短信送达"]);
    expect([bySms.smsTo, bySms.smsState]).toEqual(["13712345678", "pending"]);
    expect(bySms.body).toContain("已按您选择的“短信送达”发送至 137****5678");
    // The earlier notices (受理) follow the account's own setting: 站内消息 only.
    const accepted = await world.db.notification.findFirstOrThrow({ where: { applicationId: bySms.applicationId!, kind: "accepted" } });
    expect(accepted.smsState).toBe("none");
    // The sender delivers it to that number.
    const outbox = new MemoryOutbox();
    await sendDueNotifications(world.db, { sms: outbox, mail: { name: "none", send: async () => {} } as unknown as MailChannel });
    expect(outbox.messages.some((m) => m.phone === "13712345678" && m.text.includes("办件已办结"))).toBe(true);

    const collect = await file(["自取"]);
    expect([collect.smsTo, collect.smsState]).toEqual([null, "none"]);
    expect(collect.body).toContain("请携带有效身份证件到办理机构领取结果文书");
  });
});
