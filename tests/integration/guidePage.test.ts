/**
 * The guide (办事指南) as an applicant reads it: 办理时间 and 咨询电话 (12333 when the guide names
 * none), given once (the notes they come from are not repeated in 其他说明), a required material
 * fetched by data sharing reads 「必要（可通过部门共享获取，无需上传）」, and a material that is a form
 * says it is filled in on the apply page.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import ServiceGuidePage from "@/app/hall/services/[code]/page";
import { readTemplates } from "@/seed/loadTemplates";
import { closeDb } from "@/runtime/db";
import { databaseKinds, type TestDb } from "../support/testDb";
import { createSeededTestDb, publishService } from "../support/fixtures";

// an anonymous visitor with no place chosen: no cookies, no request headers
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
  headers: async () => new Headers(),
}));

const templates = readTemplates();
const render = async (code: string) => renderToStaticMarkup(await ServiceGuidePage({ params: Promise.resolve({ code }) }));

describe.each(databaseKinds().slice(0, 1))("the guide page on %s", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createSeededTestDb(kind);
    // the page reads through the process-wide client (getDb)
    process.env.DATABASE_URL = t.url;
    for (const code of ["s074", "s018", "s097"]) await publishService(t.db, templates.find((d) => d.code === code)!);
  }, 120_000);
  afterAll(async () => {
    await closeDb();
    await t?.cleanup();
  });

  it("shows hours and phone, 12333 where the guide names no phone, and the form filled online", async () => {
    const html = await render("s074");
    expect(html).toContain("办理时间");
    expect(html).toContain("咨询电话");
    expect(html).toContain("12333");
    expect(html).toContain("在线办理时在申请页填写，无需另行上传");
  });

  it("gives 办理时间 and 咨询电话 once: the notes shown under 办理地点与方式 are not repeated in 其他说明", async () => {
    const guide = templates.find((d) => d.code === "s097")!.guide;
    const hours = guide.notes.find((n) => n.label === "服务时间")!.text;
    const phone = guide.notes.find((n) => n.label === "咨询方式")!.text;
    const html = await render("s097");
    expect(html.split(hours)).toHaveLength(2);
    expect(html.split(phone)).toHaveLength(2);
    const notes = html.slice(html.indexOf("其他说明"));
    expect(notes).not.toContain("咨询方式");
    expect(notes).not.toContain("服务时间");
    // the other notes stay
    for (const label of ["结果反馈", "监督投诉方式", "注意事项"]) expect(notes).toContain(label);
  });

  it("labels a required material obtainable by sharing as not to be uploaded", async () => {
    const html = await render("s018");
    expect(html).toContain("必要（可通过部门共享获取，无需上传）");
  });
});
