/**
 * Applicants register themselves (person / organisation) after proving their phone with a
 * one-time code, and reset a forgotten password the same way.
 */
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { describeOnDatabases, type TestDb } from "../support/testDb";
import { createSeededTestDb } from "../support/fixtures";
import { callerFor, newBrowser, signedIn } from "../support/caller";
import { MemoryOutbox } from "../support/outbox";
import { useNotificationChannel } from "@/runtime/notify/channel";
import { creditCodeCheckChar, residentIdCheckChar } from "@/runtime/forms/formats";
import { MAX_CODE_ATTEMPTS, MAX_SENDS_PER_PHONE_PER_HOUR } from "@/runtime/features/accounts/oneTimeCodes";
import { SESSION_COOKIE } from "@/runtime/auth/cookies";
import { digest } from "@/runtime/auth/tokens";

const idNumber = (first17: string) => first17 + residentIdCheckChar(first17);
const creditCode = (first17: string) => first17 + creditCodeCheckChar(first17);
const wrongCheck = (value: string) => value.slice(0, 17) + (value[17] === "1" ? "2" : "1");
const PASSWORD = "Grassland-2027!";

describeOnDatabases("registration and password reset", (kind) => {
  let t: TestDb;
  let outbox: MemoryOutbox;
  let ipCounter = 0;
  beforeAll(async () => {
    t = await createSeededTestDb(kind);
  }, 120_000);
  afterAll(async () => {
    useNotificationChannel(null);
    await t?.cleanup();
  });
  beforeEach(() => {
    outbox = new MemoryOutbox();
    useNotificationChannel(outbox);
  });
  // Each test from its own address, so the per-address limit of one test does not reach another.
  const anonymous = () => callerFor(t.db, newBrowser(`10.9.0.${++ipCounter}`));
  /** Moves the phone's codes back in time (the minute between sends, the hour of the limit, expiry). */
  const age = (phone: string, ms: number) =>
    t.db.oneTimeCode.findMany({ where: { phone } }).then((rows) =>
      Promise.all(rows.map((r) => t.db.oneTimeCode.update({ where: { id: r.id }, data: { createdAt: new Date(r.createdAt.getTime() - ms), expiresAt: new Date(r.expiresAt.getTime() - ms) } }))),
    );

  it("registers a person after the code, who then signs in as an applicant", async () => {
    const caller = await anonymous();
    const phone = "13900001001";
    const sent = await caller.accounts.sendCode({ phone: "+86 139-0000-1001", purpose: "register" });
    expect(sent).toEqual({ sentTo: "139****1001", expiresInMinutes: 10, resendAfterSeconds: 60 });
    const code = outbox.lastCode(phone);
    expect(outbox.messages[0].text).toContain(`验证码：${code}`);
    // Only a digest of the code is stored.
    const row = await t.db.oneTimeCode.findFirstOrThrow({ where: { phone } });
    expect(JSON.stringify(row)).not.toContain(code);
    expect(await t.db.user.count({ where: { phone } })).toBe(0);

    const id = idNumber("15010219850612003");
    const created = await caller.accounts.registerPerson({ name: "乌云其木格", idNumber: id.toLowerCase(), phone, username: "wuyun", password: PASSWORD, code });
    const user = await t.db.user.findUniqueOrThrow({ where: { id: created.userId } });
    expect(user).toMatchObject({ kind: "person", displayName: "乌云其木格", idNumber: id.toUpperCase(), phone, username: "wuyun" });
    const events = await t.db.auditEvent.findMany({ where: { action: { in: ["codeSent", "register"] } }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["codeSent", "register"]);
    expect(JSON.stringify(events)).not.toContain(id);

    const { caller: signed } = await signedIn(t.db, "wuyun", PASSWORD);
    const me = await signed.auth.me();
    expect(me.user).toMatchObject({ kind: "person", facts: { idNumber: id.toUpperCase(), phone } });
    expect(me.areas).toEqual(["hall"]);
  });

  it("registers an organisation with its credit code and 经办人", async () => {
    const caller = await anonymous();
    const phone = "13900001002";
    await caller.accounts.sendCode({ phone, purpose: "register" });
    const code = creditCode("91150102MA0R00002");
    const created = await caller.accounts.registerOrganisation({
      organisationName: "锡林郭勒草原牧业有限公司",
      creditCode: code,
      contactName: "巴特尔",
      phone,
      username: "xilin.muye",
      password: PASSWORD,
      code: outbox.lastCode(phone),
    });
    expect(await t.db.user.findUniqueOrThrow({ where: { id: created.userId } })).toMatchObject({
      kind: "organisation",
      displayName: "锡林郭勒草原牧业有限公司",
      creditCode: code,
      contactName: "巴特尔",
    });
  });

  it("refuses a resident ID or credit code with a wrong check digit, with a Chinese message on the field", async () => {
    const caller = await anonymous();
    const bad = wrongCheck(idNumber("15010219850612004"));
    await expect(
      caller.accounts.registerPerson({ name: "张伟", idNumber: bad, phone: "13900001003", username: "zhangwei", password: PASSWORD, code: "123456" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("居民身份证号校验位不正确") });
    await expect(
      caller.accounts.registerOrganisation({ organisationName: "某公司", creditCode: wrongCheck(creditCode("91150102MA0R00003")), contactName: "张伟", phone: "13900001003", username: "mougongsi", password: PASSWORD, code: "123456" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("统一社会信用代码校验位不正确") });
    await expect(caller.accounts.sendCode({ phone: "12345", purpose: "register" })).rejects.toMatchObject({ message: expect.stringContaining("手机号应为以13–19开头的11位数字") });
    expect(outbox.messages).toEqual([]);
  });

  it("refuses a wrong, an expired and a reused code", async () => {
    const caller = await anonymous();
    const phone = "13900001004";
    const person = (code: string, username = "wangfang") => ({ name: "王芳", idNumber: idNumber("15010219900101002"), phone, username, password: PASSWORD, code });
    await expect(caller.accounts.registerPerson(person("123456"))).rejects.toMatchObject({ code: "BAD_REQUEST", message: "请先获取验证码" });
    await caller.accounts.sendCode({ phone, purpose: "register" });
    const code = outbox.lastCode(phone);
    const wrong = code === "000000" ? "000001" : "000000";
    await expect(caller.accounts.registerPerson(person(wrong))).rejects.toMatchObject({ code: "BAD_REQUEST", message: `验证码不正确，还可尝试 ${MAX_CODE_ATTEMPTS - 1} 次` });
    await age(phone, 11 * 60_000);
    await expect(caller.accounts.registerPerson(person(code))).rejects.toMatchObject({ message: "验证码已过期（有效期 10 分钟），请重新获取" });
    await caller.accounts.sendCode({ phone, purpose: "register" });
    const fresh = outbox.lastCode(phone);
    await caller.accounts.registerPerson(person(fresh));
    // The same code again (another name, so it is not a duplicate): used up.
    await t.db.user.update({ where: { username: "wangfang" }, data: { phone: null, idNumber: null } });
    await expect(caller.accounts.registerPerson(person(fresh, "wangfang2"))).rejects.toMatchObject({ message: "验证码已使用，请重新获取" });
    expect(await t.db.user.count({ where: { username: "wangfang2" } })).toBe(0);
    expect(await t.db.auditEvent.count({ where: { action: "codeRejected" } })).toBeGreaterThanOrEqual(3);
  });

  it("allows five tries per code, then refuses even the right code", async () => {
    const caller = await anonymous();
    const phone = "13900001005";
    await caller.accounts.sendCode({ phone, purpose: "register" });
    const code = outbox.lastCode(phone);
    const wrong = code === "999999" ? "999998" : "999999";
    const person = (c: string) => ({ name: "李娜", idNumber: idNumber("15010219900101003"), phone, username: "lina", password: PASSWORD, code: c });
    for (let i = 1; i <= MAX_CODE_ATTEMPTS; i++) {
      const message = i < MAX_CODE_ATTEMPTS ? `验证码不正确，还可尝试 ${MAX_CODE_ATTEMPTS - i} 次` : "验证码错误次数过多，请重新获取";
      await expect(caller.accounts.registerPerson(person(wrong))).rejects.toMatchObject({ message });
    }
    await expect(caller.accounts.registerPerson(person(code))).rejects.toMatchObject({ message: "验证码错误次数过多，请重新获取" });
    expect(await t.db.user.count({ where: { username: "lina" } })).toBe(0);
  });

  it("counts tries made in parallel: at most five codes are ever compared", async () => {
    const caller = await anonymous();
    const phone = "13900001012";
    await caller.accounts.sendCode({ phone, purpose: "register" });
    const code = outbox.lastCode(phone);
    const guesses = Array.from({ length: 20 }, (_, i) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, "0"));
    const person = (c: string) => ({ name: "韩梅", idNumber: idNumber("15010219900101008"), phone, username: "hanmei", password: PASSWORD, code: c });
    const answers = await Promise.allSettled(guesses.map((g) => caller.accounts.registerPerson(person(g))));
    expect(answers.every((a) => a.status === "rejected")).toBe(true);
    expect((await t.db.oneTimeCode.findFirstOrThrow({ where: { phone } })).attempts).toBe(MAX_CODE_ATTEMPTS);
    await expect(caller.accounts.registerPerson(person(code))).rejects.toMatchObject({ message: "验证码错误次数过多，请重新获取" });
  });

  it("limits sends per address: 30 an hour", async () => {
    const ip = "10.9.9.9";
    await t.db.oneTimeCode.createMany({
      data: Array.from({ length: 30 }, (_, i) => ({ phone: `1370000${String(i).padStart(4, "0")}`, purpose: "register", codeDigest: "x", ip, expiresAt: new Date(Date.now() + 600_000) })),
    });
    const caller = await callerFor(t.db, newBrowser(ip));
    await expect(caller.accounts.sendCode({ phone: "13900001013", purpose: "register" })).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS", message: "获取验证码过于频繁，请稍后再试" });
    expect(outbox.messages).toEqual([]);
  });

  it("limits sends per phone: one a minute, five an hour", async () => {
    const caller = await anonymous();
    const phone = "13900001006";
    await caller.accounts.sendCode({ phone, purpose: "register" });
    await expect(caller.accounts.sendCode({ phone, purpose: "register" })).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS", message: expect.stringMatching(/^验证码已发送，请 \d+ 秒后再重新获取$/) });
    for (let i = 1; i < MAX_SENDS_PER_PHONE_PER_HOUR; i++) {
      await age(phone, 61_000);
      await caller.accounts.sendCode({ phone, purpose: "register" });
    }
    await age(phone, 61_000);
    await expect(caller.accounts.sendCode({ phone, purpose: "register" })).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS", message: "该手机号 1 小时内获取验证码已达 5 次，请稍后再试" });
    expect(outbox.countTo(phone)).toBe(MAX_SENDS_PER_PHONE_PER_HOUR);
    await age(phone, 3_600_000);
    await caller.accounts.sendCode({ phone, purpose: "register" });
    expect(outbox.countTo(phone)).toBe(MAX_SENDS_PER_PHONE_PER_HOUR + 1);
  });

  it("refuses duplicates of resident ID, credit code, phone and username with clear messages", async () => {
    const caller = await anonymous();
    // zhangsan (seeded) holds 150102199003071237 and 13800471234; company.demo 91150100MA0N000013.
    await expect(caller.accounts.sendCode({ phone: "13800471234", purpose: "register" })).rejects.toMatchObject({ code: "CONFLICT", message: "该手机号已注册，请直接登录或找回密码" });
    const phone = "13900001007";
    await caller.accounts.sendCode({ phone, purpose: "register" });
    const code = outbox.lastCode(phone);
    const person = { name: "赵敏", idNumber: "150102199003071237", phone, username: "zhaomin", password: PASSWORD, code };
    await expect(caller.accounts.registerPerson(person)).rejects.toMatchObject({ code: "CONFLICT", message: "该居民身份证号已注册账号，请直接登录或找回密码" });
    await expect(caller.accounts.registerPerson({ ...person, idNumber: idNumber("15010219900101004"), username: "zhangsan" })).rejects.toMatchObject({ code: "CONFLICT", message: "该用户名已被使用，请换一个" });
    await expect(
      caller.accounts.registerOrganisation({ organisationName: "重复公司", creditCode: "91150100MA0N000013", contactName: "赵敏", phone, username: "chongfu", password: PASSWORD, code }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "该统一社会信用代码已注册单位账号，请直接登录或找回密码" });
    // Refusing a duplicate does not use the code up.
    await caller.accounts.registerPerson({ ...person, idNumber: idNumber("15010219900101004") });
    await expect(caller.accounts.registerPerson({ ...person, idNumber: idNumber("15010219900101005"), username: "zhaomin2" })).rejects.toMatchObject({ code: "CONFLICT", message: "该手机号已注册，请直接登录或找回密码" });
  });

  it("refuses weak or published passwords", async () => {
    const caller = await anonymous();
    const base = { name: "孙丽", idNumber: idNumber("15010219900101006"), phone: "13900001008", username: "sunli", code: "123456" };
    await expect(caller.accounts.registerPerson({ ...base, password: "short" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "密码至少 10 个字符" });
    await expect(caller.accounts.registerPerson({ ...base, password: "Demo@2026" })).rejects.toMatchObject({ message: "不能使用 README 或 .env.example 中公开的密码" });
    await expect(caller.accounts.registerPerson({ ...base, password: "x13900001008" })).rejects.toMatchObject({ message: "密码不能包含用户名、手机号或证件号码" });
  });

  it("resets an applicant's password by phone and code, ending the account's sessions", async () => {
    const caller = await anonymous();
    const phone = "13900001009";
    await caller.accounts.sendCode({ phone, purpose: "register" });
    await caller.accounts.registerPerson({ name: "周强", idNumber: idNumber("15010219900101007"), phone, username: "zhouqiang", password: PASSWORD, code: outbox.lastCode(phone) });
    const { browser } = await signedIn(t.db, "zhouqiang", PASSWORD);
    const token = browser.cookies[SESSION_COOKIE];

    await age(phone, 61_000);
    await caller.accounts.sendCode({ phone, purpose: "reset" });
    const code = outbox.lastCode(phone);
    await expect(caller.accounts.resetPassword({ phone, code: code === "111111" ? "111112" : "111111", password: "New-Password-2027" })).rejects.toMatchObject({ message: expect.stringContaining("验证码不正确") });
    expect(await caller.accounts.resetPassword({ phone, code, password: "New-Password-2027" })).toEqual({ username: "zhouqiang" });
    expect(await t.db.session.count({ where: { id: digest(token) } })).toBe(0);
    await expect((await anonymous()).auth.signIn({ username: "zhouqiang", password: PASSWORD })).rejects.toMatchObject({ message: "用户名或密码不正确" });
    await signedIn(t.db, "zhouqiang", "New-Password-2027");
    expect(await t.db.auditEvent.count({ where: { action: "passwordReset" } })).toBe(1);
  });

  it("sends no reset code for an unknown phone or a staff account, and answers the same", async () => {
    const caller = await anonymous();
    const staff = await t.db.user.update({ where: { username: "region.admin" }, data: { phone: "13900001010" } });
    const unknown = await caller.accounts.sendCode({ phone: "13900001011", purpose: "reset" });
    const ofStaff = await caller.accounts.sendCode({ phone: "13900001010", purpose: "reset" });
    expect(unknown).toEqual({ sentTo: "139****1011", expiresInMinutes: 10, resendAfterSeconds: 60 });
    expect(ofStaff.expiresInMinutes).toBe(10);
    expect(outbox.messages).toEqual([]);
    await expect(caller.accounts.resetPassword({ phone: "13900001010", code: "123456", password: "Staff-Takeover-1" })).rejects.toMatchObject({ message: "请先获取验证码" });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: staff.id } })).passwordHash).toBe(staff.passwordHash);
  });
});
