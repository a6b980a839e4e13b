/**
 * Local variants in the hall and the workbench (issue 8), on SQLite and PostgreSQL:
 * - an applicant's place (league → banner) decides which version they read and file: the banner's
 *   variant, else its league's, else the region's; a neighbouring banner never gets another
 *   banner's variant, however the request is forged; the case pins the version that applies at
 *   its office;
 * - supervision (监督): league and region staff read the cases of the offices below them,
 *   read-only and recorded; they can never act on them; banner staff see only their own office's.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, newBrowser, signedIn } from "../support/caller";
import { createSeededTestDb, exampleDefinition, publishService } from "../support/fixtures";
import { registrationForm } from "../support/caseFixtures";
import { databaseKinds, type TestDb } from "../support/testDb";
import { createVariant } from "../support/variantFixtures";

type Caller = Awaited<ReturnType<typeof signedIn>>["caller"];

/** An overlay: the office's own address, and optionally one more (optional) material. */
const localAddress = (address: string, extraMaterial?: { id: string; name: string }) => {
  const base = exampleDefinition().materials[0];
  return {
    set: {
      "guide.officeAddress": address,
      ...(extraMaterial ? { [`material/${extraMaterial.id}`]: { ...base, id: extraMaterial.id, name: extraMaterial.name, required: false, requirementText: undefined } } : {}),
    },
  };
};

describe.each(databaseKinds())("local variants on %s", (kind) => {
  let t: TestDb;
  let code: string;
  let region: { serviceId: string; versionId: string };
  let league: { serviceId: string; versionId: string };
  let xincheng: { serviceId: string; versionId: string };
  let ownService: { code: string; versionId: string };
  const callers = new Map<string, Promise<Caller>>();
  const as = (username: string) => {
    if (!callers.has(username)) callers.set(username, signedIn(t.db, username).then((s) => s.caller));
    return callers.get(username)!;
  };
  const anonymous = () => callerFor(t.db, newBrowser());

  /** A case of zhangsan filed at `officeId`: started, filled in and submitted through the applicant's procedures. */
  async function filedAt(officeId: string, idempotencyKey: string) {
    const applicant = await as("zhangsan");
    const { id } = await applicant.applications.startDraft({ code, officeId });
    await applicant.applications.saveDraft({ id, formData: registrationForm(), rowVersion: 1 });
    await applicant.applications.submit({ id, idempotencyKey });
    return id;
  }

  beforeAll(async () => {
    t = await createSeededTestDb(kind);
    const definition = exampleDefinition();
    code = definition.code;
    region = await publishService(t.db, definition);
    league = await createVariant(t.db, { parentServiceId: region.serviceId, ownerOrgId: "150100", overlay: localAddress("呼和浩特市政务服务中心三楼") });
    // 新城区's variant derives from its league's.
    xincheng = await createVariant(t.db, {
      parentServiceId: league.serviceId,
      ownerOrgId: "150102",
      overlay: localAddress("新城区政务服务中心二楼人社窗口", { id: "m-xincheng", name: "新城区居住证明" }),
    });
    // A service 新城区 designed on its own (no parent).
    const own = await t.db.service.create({ data: { code: "xincheng-own", ownerOrgId: "150102", title: "新城区就业见习补贴申领", part: definition.group.part, category: definition.group.category } });
    const ownVersion = await t.db.serviceVersion.create({
      data: { serviceId: own.id, number: 1, status: "published", definition: { ...definition, code: "xincheng-own", title: own.title, guide: { ...definition.guide, levels: ["banner"] } } as never, publishedAt: new Date() },
    });
    ownService = { code: own.code, versionId: ownVersion.id };
  }, 120_000);
  afterAll(async () => {
    await t?.cleanup();
  });

  it("shows an applicant the version of their place: the banner's, else its league's, else the region's", async () => {
    const hall = await anonymous();
    const entry = async (place?: string) => (await hall.catalogue.list(place ? { place } : {})).find((e) => e.code === code)!;
    expect((await entry("150102")).owner).toMatchObject({ id: "150102", label: "新城区版本" });
    expect((await entry("150103")).owner).toMatchObject({ id: "150100", label: "呼和浩特市版本" });
    expect((await entry("150121")).owner).toMatchObject({ id: "150100", label: "呼和浩特市版本" });
    expect((await entry("150100")).owner).toMatchObject({ id: "150100", label: "呼和浩特市版本" });
    expect((await entry("150203")).owner).toMatchObject({ id: "150000", label: "自治区版本" });
    expect((await entry()).owner).toMatchObject({ id: "150000", label: "自治区版本" });
    // An unknown place is the region.
    expect((await entry("999999")).owner.id).toBe("150000");

    const atXincheng = await hall.catalogue.get({ code, place: "150102" });
    expect(atXincheng.versionId).toBe(xincheng.versionId);
    expect(atXincheng.definition.guide.officeAddress).toBe("新城区政务服务中心二楼人社窗口");
    expect(atXincheng.definition.materials.map((m) => m.id)).toContain("m-xincheng");
    const atHuimin = await hall.catalogue.get({ code, place: "150103" });
    expect(atHuimin.versionId).toBe(league.versionId);
    expect(atHuimin.definition.guide.officeAddress).toBe("呼和浩特市政务服务中心三楼");
    expect(atHuimin.definition.materials.map((m) => m.id)).not.toContain("m-xincheng");
    expect((await hall.catalogue.get({ code })).versionId).toBe(region.versionId);
  });

  it("lists a service an office designed on its own only for that office and those below it", async () => {
    const hall = await anonymous();
    expect((await hall.catalogue.list({ place: "150102" })).map((e) => e.code)).toContain(ownService.code);
    expect((await hall.catalogue.list({ place: "150103" })).map((e) => e.code)).not.toContain(ownService.code);
    expect((await hall.catalogue.list()).map((e) => e.code)).not.toContain(ownService.code);
    await expect(hall.catalogue.get({ code: ownService.code, place: "150103" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await hall.applications.offices({ code: ownService.code, place: "150102" })).map((o) => o.id)).toEqual(["150102"]);
    const applicant = await as("zhangsan");
    await expect(applicant.applications.startDraft({ code: ownService.code, officeId: "150103" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(applicant.applications.startDraft({ code: ownService.code, officeId: "150103", versionId: ownService.versionId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("pins the variant of the case's office and sends the case there", async () => {
    const applicant = await as("zhangsan");
    const { id } = await applicant.applications.startDraft({ code, officeId: "150102", versionId: xincheng.versionId });
    const row = await t.db.application.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ officeId: "150102", serviceId: xincheng.serviceId, serviceVersionId: xincheng.versionId });
    const detail = await applicant.applications.get({ id });
    expect(detail.definition.materials.map((m) => m.id)).toContain("m-xincheng");
    expect(detail.definition.guide.officeAddress).toBe("新城区政务服务中心二楼人社窗口");
    // Without the version shown, the one that applies at the office all the same.
    const { id: second } = await applicant.applications.startDraft({ code, officeId: "150102" });
    expect((await t.db.application.findUniqueOrThrow({ where: { id: second } })).serviceVersionId).toBe(xincheng.versionId);
    const { id: atLeague } = await applicant.applications.startDraft({ code, officeId: "150100" });
    expect((await t.db.application.findUniqueOrThrow({ where: { id: atLeague } })).serviceVersionId).toBe(league.versionId);
  });

  it("never lets a neighbouring banner's case use another banner's variant, even with forged ids", async () => {
    const applicant = await as("zhangsan");
    const { id } = await applicant.applications.startDraft({ code, officeId: "150103" });
    expect(await t.db.application.findUniqueOrThrow({ where: { id } })).toMatchObject({ officeId: "150103", serviceVersionId: league.versionId });
    await expect(applicant.applications.startDraft({ code, officeId: "150103", versionId: xincheng.versionId })).rejects.toMatchObject({ code: "NOT_FOUND", message: "该服务事项版本不存在或您无权查看" });
    await expect(
      applicant.applications.submitDirect({ code, officeId: "150103", versionId: xincheng.versionId, formData: registrationForm(), idempotencyKey: "forged-direct-0001" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The region's version where the league's applies: the applicant was shown an outdated page.
    await expect(applicant.applications.startDraft({ code, officeId: "150103", versionId: region.versionId })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(applicant.applications.startDraft({ code: "no-such-service", officeId: "150103" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await t.db.application.count({ where: { officeId: "150103", serviceVersionId: xincheng.versionId } })).toBe(0);
  });

  it("lets league and region staff read the cases below them read-only, recorded, and never act on them", async () => {
    const atXincheng = await filedAt("150102", "variants-case-0001");
    const atHuimin = await filedAt("150103", "variants-case-0002");
    const ids = (list: { cases: { id: string; readOnly: boolean }[] }) => new Map(list.cases.map((c) => [c.id, c.readOnly]));

    // 呼和浩特市 (league): both banners' cases, read-only; filtered by office.
    const leagueWorker = await as("hohhot.caseworker");
    const leagueList = await leagueWorker.workbench.cases({});
    expect(ids(leagueList).get(atXincheng)).toBe(true);
    expect(ids(leagueList).get(atHuimin)).toBe(true);
    expect(leagueList.offices.map((o) => o.id)).toEqual(expect.arrayContaining(["150100", "150102", "150103", "150121"]));
    expect(leagueList.offices.map((o) => o.id)).not.toContain("150200");
    const onlyXincheng = ids(await leagueWorker.workbench.cases({ officeId: "150102" }));
    expect([onlyXincheng.has(atXincheng), onlyXincheng.has(atHuimin)]).toEqual([true, false]);
    await expect(leagueWorker.workbench.cases({ officeId: "150202" })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const view = await leagueWorker.workbench.case({ id: atXincheng });
    expect(view.readOnly).toBe(true);
    expect(view.currentTask?.canWork).toBe(false);
    expect([view.canPause, view.canResume]).toEqual([false, false]);
    const leagueWorkerId = (await t.db.user.findUniqueOrThrow({ where: { username: "hohhot.caseworker" } })).id;
    expect(await t.db.auditEvent.count({ where: { action: "read", entityId: atXincheng, actorId: leagueWorkerId } })).toBeGreaterThan(0);
    const taskId = view.currentTask!.taskId;
    const rowVersion = view.application.rowVersion;
    // They see the case, so they are told why they may not work it (not "not found").
    const readOnly = { code: "FORBIDDEN", message: "您只能查看该办件，不能办理（办件由新城区办理）" };
    await expect(leagueWorker.workbench.claim({ taskId })).rejects.toMatchObject(readOnly);
    await expect(leagueWorker.workbench.release({ taskId })).rejects.toMatchObject(readOnly);
    await expect(leagueWorker.workbench.act({ applicationId: atXincheng, taskId, actionId: "accept", confirmedRisks: ["risk-0"], rowVersion })).rejects.toMatchObject(readOnly);
    await expect(leagueWorker.workbench.pause({ applicationId: atXincheng, reason: "监督测试", rowVersion })).rejects.toMatchObject(readOnly);
    await expect(leagueWorker.workbench.resume({ applicationId: atXincheng, rowVersion })).rejects.toMatchObject(readOnly);
    await expect((await as("hohhot.reviewer")).workbench.pause({ applicationId: atXincheng, reason: "监督测试", rowVersion })).rejects.toMatchObject(readOnly);
    // The office's reviewer sees the case too: told the step is a caseworker's.
    await expect((await as("xincheng.reviewer")).workbench.claim({ taskId })).rejects.toMatchObject({ code: "FORBIDDEN", message: "该环节须由经办人员办理" });
    // Staff of a neighbouring banner cannot see it: its existence stays unknown to them.
    const neighbour = await as("tumed.caseworker");
    await expect(neighbour.workbench.claim({ taskId })).rejects.toMatchObject({ code: "NOT_FOUND", message: "任务不存在或您无权查看" });
    await expect(neighbour.workbench.act({ applicationId: atXincheng, taskId, actionId: "accept", confirmedRisks: ["risk-0"], rowVersion })).rejects.toMatchObject({ code: "NOT_FOUND", message: "办件不存在或您无权查看" });
    await expect(neighbour.workbench.pause({ applicationId: atXincheng, reason: "监督测试", rowVersion })).rejects.toMatchObject({ code: "NOT_FOUND", message: "办件不存在或您无权查看" });
    await expect(neighbour.workbench.resume({ applicationId: atXincheng, rowVersion })).rejects.toMatchObject({ code: "NOT_FOUND", message: "办件不存在或您无权查看" });
    // The league's administrator reads too, and works nothing.
    const leagueAdmin = await as("hohhot.admin");
    expect((await leagueAdmin.workbench.case({ id: atHuimin })).readOnly).toBe(true);
    await expect(leagueAdmin.workbench.claim({ taskId })).rejects.toMatchObject({ code: "FORBIDDEN" });

    // 新城区 (banner): its own cases, workable; the neighbour's are not found.
    const bannerWorker = await as("xincheng.caseworker");
    const bannerList = ids(await bannerWorker.workbench.cases({}));
    expect([bannerList.get(atXincheng), bannerList.has(atHuimin)]).toEqual([false, false]);
    await expect(bannerWorker.workbench.case({ id: atHuimin })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(bannerWorker.workbench.cases({ officeId: "150103" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await bannerWorker.workbench.case({ id: atXincheng })).readOnly).toBe(false);
    await expect((await as("tumed.caseworker")).workbench.case({ id: atXincheng })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A banner's administrator works and supervises no cases.
    await expect((await as("xincheng.admin")).workbench.cases({})).rejects.toMatchObject({ code: "FORBIDDEN" });

    // The region: every office's cases, read-only.
    for (const username of ["region.admin", "region.caseworker"]) {
      const regionStaff = await as(username);
      const all = ids(await regionStaff.workbench.cases({}));
      expect([all.get(atXincheng), all.get(atHuimin)]).toEqual([true, true]);
      expect((await regionStaff.workbench.case({ id: atHuimin })).readOnly).toBe(true);
    }
    await expect((await as("region.caseworker")).workbench.claim({ taskId })).rejects.toMatchObject(readOnly);
    await expect((await as("region.caseworker")).workbench.pause({ applicationId: atXincheng, reason: "监督测试", rowVersion })).rejects.toMatchObject(readOnly);

    // The office's own caseworker still works the case.
    await bannerWorker.workbench.claim({ taskId });
    await bannerWorker.workbench.act({ applicationId: atXincheng, taskId, actionId: "accept", confirmedRisks: ["risk-0"], rowVersion });
  });
});
