/**
 * Flow steps from the procedure texts of the minor layouts: labelled items (`（1）个人贷款申请：…`,
 * `1.申请：…`, `（一）申报：…`), dash chains (`求职登记-推荐就业岗位-实现就业/跟踪回访`) and
 * plain numbered sentences; SLAs come from the matching stage of the item's time-limit text.
 */
import type { LineRange } from "@/runtime/definition/schema";
import { roleFor, slaFromLimit, type StepSpec } from "@/seed/flow/build";
import { splitTopLevel, trimPunctuation } from "../text/sentences";
import { actionIn, sameAction, stagesOf, type Stage } from "./stagedLimits";
import { branchesOf } from "../outcomes";

export interface ProcedureEntry {
  text: string;
  first: number;
  last: number;
}

/** `申请：申请人…` / `个人贷款申请：…` → label and text; null when the entry has no short label. */
export function labelledEntry(text: string): { label: string; text: string } | null {
  const match = /^([^：:，,。；（(]{2,10})[：:]\s*(.*)$/.exec(text.trim());
  if (!match) return null;
  return { label: match[1].trim(), text: match[2].trim() };
}

/** `求职登记-根据求职意愿推荐就业岗位-实现就业/跟踪回访（…）` → its links; null unless ≥ 2 short links. */
export function dashChain(text: string): string[] | null {
  const links = splitTopLevel(trimPunctuation(text), "-—").map((link) => trimPunctuation(link));
  if (links.length < 2 || links.some((link) => link === "" || [...link.replace(/（.*）$/, "")].length > 30)) return null;
  return links;
}

/** Whether a step is the applicant's own (申请 / 申报 / 求职登记 / 提出…需求). */
export function isApplicantStep(label: string, text = ""): boolean {
  if (/^(申请人|申请单位)(?!.{0,4}(审|受理))/.test(text)) return true;
  if (/受理|审|^核验|^核查/.test(label)) return false;
  if (roleFor(label) === "applicant") return true;
  return /^(求职登记|.{0,10}提出[^，]{0,10}(需求|申请))$/.test(label) || /^(申请人|申请单位|贷款人|贷款企业|高等院校毕业生)/.test(text);
}

/** Refusals A's outcome reader does not list: `审核不通过`, `不符合…的…不得转出`, `告知…不予受理原因`. */
const MORE_REFUSALS_RE = /不符合.{0,20}(告知|说明|退回|不得)|不通过|不同意/;

/**
 * Branches a step's text states: A's branchesOf (一次性告知 → correction, 不予受理 / 不予办理 →
 * refusal, 终止办理 → termination) plus the refusals the minor layouts phrase differently.
 */
export function stepBranches(text: string): Pick<StepSpec, "correction" | "refuse" | "terminate"> {
  const read = branchesOf([text]);
  return {
    correction: read.correction,
    refuse: read.refuse ?? MORE_REFUSALS_RE.test(text),
    terminate: read.terminate,
  };
}

/** One step from a labelled or plain entry. */
export function stepOf(label: string, text: string, source?: LineRange): StepSpec {
  const applicant = isApplicantStep(label, text);
  return {
    label,
    role: applicant ? "applicant" : roleFor(label) === "applicant" ? "caseworker" : roleFor(label),
    ...(applicant ? {} : stepBranches(text)),
    publicNotice: /公示/.test(label),
    checkpoints: text !== "" ? [text] : [],
    ...(source ? { source } : {}),
  };
}

/** A short label for a plain sentence step: the text up to the first comma, without a leading subject. */
export function sentenceLabel(text: string): string {
  const [head] = splitTopLevel(trimPunctuation(text), "，,；;");
  return head ?? text;
}

/**
 * SLAs from stages: each step gets the first unused stage with the same kind of action
 * (初审 ≈ 资格审核, 发放 ≈ 拨付 …). A step whose text has a 公示 period but whose label is
 * not 公示 is preceded by a 公示 step of that period.
 */
export function withStageLimits(steps: StepSpec[], stages: Stage[]): StepSpec[] {
  const used = new Set<number>();
  const out: StepSpec[] = [];
  for (const step of steps) {
    const text = (step.checkpoints ?? []).join("");
    if (!/公示/.test(step.label)) {
      const notice = stagesOf(text).find((stage) => stage.publicNotice);
      if (notice) out.push({ label: "公示", role: "caseworker", publicNotice: true, sla: slaFromLimit(notice.limit), checkpoints: [notice.text], source: step.source });
    }
    const isNotice = /公示/.test(step.label);
    const action = isNotice ? "公示" : actionIn(step.label);
    const index = action === null ? -1 : stages.findIndex((stage, i) => !used.has(i) && sameAction(stage.action, action));
    let sla = step.sla ?? null;
    if (index >= 0) {
      used.add(index);
      sla = sla ?? slaFromLimit(stages[index].limit);
    } else if (!sla && (step.role ?? roleFor(step.label)) !== "applicant") {
      const own = stagesOf(text).find((stage) => stage.publicNotice === isNotice);
      if (own) sla = slaFromLimit(own.limit);
    }
    out.push({ ...step, sla });
  }
  const firstHandling = out.find((step) => (step.role ?? roleFor(step.label)) !== "applicant");
  if (firstHandling && used.size === 0 && stages.length === 1 && !firstHandling.sla) firstHandling.sla = slaFromLimit(stages[0].limit);
  // 对不符合条件的，应在 N 个工作日内通知申请人并说明原因 → the review step may refuse
  const review = out.find((step) => /审/.test(step.label) && (step.role ?? roleFor(step.label)) !== "applicant");
  if (review && stages.some((stage) => stage.refusal)) review.refuse = review.refuse || true;
  return out;
}

/** Actors that open a sentence step (`申请人提交…`, `工作人员审核…`). */
const SUBJECT_RE =
  /^(申请人|工作人员|考察人|查阅人|阅档人|借阅单位|接收单位|拟接收的档案管理服务机构|原档案管理服务机构或原工作单位|原档案管理服务机构|公共就业人才服务机构|高等院校毕业生|毕业院校|档案管理服务机构|企业或培训机构|申请单位|调解组织|仲裁机构)/;
/** Leading adverbials that are not the action itself. */
const ADVERBIAL_RE = /^(在[^，]{0,20}时|及时|按规定|按时|须|需|应当|应|可|要)+/;
/** A whole clause that only sets the scene (`依据存档情况`, `…收到档案后`): the action is in the next clause. */
const SCENE_RE = /^(依据|根据|按照|对于?)[^，]*$|后$/;
/** A generic leading actor: `接收流动人员人事档案的管理服务机构应当…`. */
const GENERIC_SUBJECT_RE = /^.{2,20}?(机构|单位|人员)(?=应当|应|需|须|要|可)/;
const MAX_STEP_LABEL = 18;

/**
 * A short step label from a sentence: its first clause without brackets, leading actor and
 * adverbials (`申请人提交申请材料到…窗口` → `提交申请材料`, `毕业院校以机要通信…的方式转递档案`
 * → `转递档案`), cut at `到` / `至` and to 18 characters. The full sentence stays a checkpoint.
 */
export function verbPhrase(text: string): string {
  const clauses = splitTopLevel(trimPunctuation(text), "，,；;。");
  for (const clause of clauses) {
    let phrase = clause.replace(/（[^（）]*）|\([^()]*\)/g, "").replace(SUBJECT_RE, "").replace(GENERIC_SUBJECT_RE, "");
    if (SCENE_RE.test(phrase) && clause !== clauses[clauses.length - 1]) continue;
    phrase = phrase.replace(ADVERBIAL_RE, "");
    phrase = phrase.replace(/^(?:以|通过).+?方式/, "");
    const destination = /^(.{4,}?)(?:到|至)[^，]*$/.exec(phrase);
    if (destination) phrase = destination[1];
    phrase = phrase.trim();
    if (phrase === "") continue;
    return [...phrase].length > MAX_STEP_LABEL ? `${[...phrase].slice(0, MAX_STEP_LABEL).join("")}…` : phrase;
  }
  return trimPunctuation(text).slice(0, MAX_STEP_LABEL);
}
