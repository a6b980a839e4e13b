/**
 * What an applicant must provide for a service version: which forms they fill, which
 * materials they must upload. Pure, and light enough for the browser.
 */
import type { FormDefinition, Material, ServiceDefinition } from "@/runtime/definition/schema";
import { valueAtPointer } from "./jsonPointer";

/** Forms the applicant fills: all but those only staff steps edit. */
export function applicantForms(definition: ServiceDefinition): FormDefinition[] {
  const staffEdited = new Set<string>();
  const applicantUsed = new Set<string>(definition.materials.map((m) => m.formId).filter((id): id is string => !!id));
  for (const node of definition.flow.nodes) {
    if (node.type !== "task") continue;
    for (const ref of node.forms) {
      if (node.role === "applicant") applicantUsed.add(ref.formId);
      else if (ref.mode === "edit") staffEdited.add(ref.formId);
    }
  }
  return definition.forms.filter((f) => applicantUsed.has(f.id) || !staffEdited.has(f.id));
}

/**
 * Materials the applicant must upload: required ones, except those filled in as a form,
 * those the office obtains by data sharing, and scenario-specific ones (which apply only
 * in their scenario and are offered, not enforced); and those the applicant's answers make
 * required (`requiredWhen`: 代他人申请 → 授权委托书) when `formData` is given.
 */
export function requiredUploads(definition: ServiceDefinition, formData?: Record<string, unknown>): Material[] {
  return definition.materials.filter(
    (m) =>
      !m.formId &&
      m.obtainableBySharing !== true &&
      ((m.required && m.scenario === null) || (formData !== undefined && requiredByAnswer(m, formData))),
  );
}

/** Whether the applicant's answers make `material` required (its `requiredWhen` holds). */
export function requiredByAnswer(material: Material, formData: Record<string, unknown>): boolean {
  const when = material.requiredWhen;
  if (!when) return false;
  return valueAtPointer(formData[when.form], when.path) === when.equals;
}


/**
 * What the applicant is told of a material's necessity, the same on the guide and the apply page:
 * a required material the office fetches by data sharing reads 「必要（可通过部门共享获取，无需上传）」.
 */
export function requirementLabel(material: Material): string {
  if (material.required && material.obtainableBySharing === true) return "必要（可通过部门共享获取，无需上传）";
  if (material.requirementText) return material.requirementText;
  if (material.required) return "必要";
  return material.requiredWhen ? "视情况必要" : "非必要";
}

type GuideNote = ServiceDefinition["guide"]["notes"][number];

/** The notes the guide's 办理时间 and 咨询电话 come from: the first whose label names each. */
function contactNotes(guide: ServiceDefinition["guide"]): { hours: GuideNote | undefined; phone: GuideNote | undefined } {
  const note = (pattern: RegExp) => guide.notes.find((n) => pattern.test(n.label));
  return { hours: note(/服务时间|办公时间|办理时间|受理时间|工作时间/), phone: note(/咨询电话|咨询方式|联系电话|联系方式|咨询/) };
}

/** The guide's 服务时间 and 咨询电话 as the text states them (its notes), else null. */
export function guideContact(guide: ServiceDefinition["guide"]): { hours: string | null; phone: string | null } {
  const { hours, phone } = contactNotes(guide);
  return { hours: hours?.text.trim() || null, phone: phone?.text.trim() || null };
}

/** The guide's notes other than those `guideContact` reads (the guide page shows those as 办理时间 and 咨询电话, not again as notes). */
export function guideOtherNotes(guide: ServiceDefinition["guide"]): GuideNote[] {
  const { hours, phone } = contactNotes(guide);
  return guide.notes.filter((n) => n !== hours && n !== phone);
}

const ONLINE_CHANNEL = /网上|线上|网办|网厅|在线|网络办理|app|小程序|网站/i;

/** Whether a channel's words name filing online (网上, 线上, 网办, an app …): the one reading for the guide's channels and its limits' channels. */
export function isOnlineChannel(text: string | null | undefined): boolean {
  return ONLINE_CHANNEL.test(text ?? "");
}

/** Whether the guide offers the service online (网上办理, 线上, an app …): such a service must have a form to fill. */
export function filedOnline(guide: ServiceDefinition["guide"]): boolean {
  return guide.channels.some(isOnlineChannel);
}

/** The materials to upload that a 一次性告知's items name (an item that contains the material's name): the applicant answers each with a new file. */
export function materialsNamedIn(items: readonly string[], materials: readonly Material[]): Material[] {
  return materials.filter((m) => !m.formId && items.some((item) => item.includes(m.name)));
}
