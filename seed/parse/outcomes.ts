/**
 * What a step's outcome sentences say about the flow: “…的，予以受理，进入审核环节；”,
 * “…退回材料并一次性告知需补全材料名称。”, “…的，终止业务办理。”, “…业务中止，退回至初审
 * 环节重新核实。”, “如果材料不符合规范，明确告知服务对象不予受理的结果及原因”.
 */
export interface StepBranches {
  /** 一次性告知 the missing materials (补正 loop). */
  correction: boolean;
  /** Label of a refusal action (不予受理 / 不予办理 / 退回申办材料), or null. */
  refuse: string | null;
  /** 终止业务办理. */
  terminate: boolean;
  /** The earlier stage the case is sent back to (退回至初审环节 → 初审). */
  returnTo: string | null;
  /** 中止 (suspend) without a send-back. */
  pausable: boolean;
  /** Stages the text says the case enters next (进入审核环节 → 审核). */
  next: string[];
}

const CORRECTION_RE = /一次性告知|需补全|补齐|补正/;
const TERMINATE_RE = /终止(业务)?办理|终止业务|业务终止|终止办理环节/;
const REFUSE_RE = /不予受理|不予办理|不予通过|退回申办材料/;
const RETURN_RE = /退回至?(\S{2,6}?)环节/;
const NEXT_RE = /进入(\S{2,8}?)环节/g;

/** Reads the branches stated by a step's outcome sentences. */
export function branchesOf(sentences: string[]): StepBranches {
  const branches: StepBranches = { correction: false, refuse: null, terminate: false, returnTo: null, pausable: false, next: [] };
  for (const sentence of sentences) {
    const returnTo = RETURN_RE.exec(sentence);
    if (returnTo) branches.returnTo = returnTo[1];
    if (CORRECTION_RE.test(sentence)) branches.correction = true;
    if (TERMINATE_RE.test(sentence)) branches.terminate = true;
    else if (REFUSE_RE.test(sentence)) branches.refuse ??= REFUSE_RE.exec(sentence)![0];
    if (/中止/.test(sentence) && !returnTo) branches.pausable = true;
    for (const match of sentence.matchAll(NEXT_RE)) {
      if (!branches.next.includes(match[1])) branches.next.push(match[1]);
    }
  }
  return branches;
}

/**
 * Whether a service's legal basis (设定依据 / 政策依据) makes the office tell the applicant at
 * once what to add or correct (“对资料不全或不符合规定的，应一次性告知参保单位需要补充和更正的
 * 资料”): the 补正 loop the 受理 step must offer even when the 受理 notes do not repeat it.
 */
export function basisStatesCorrection(clauses: string[]): boolean {
  return clauses.some((clause) => /一次性告知[^。；]*(补充|更正|补正|补齐|补全)/.test(clause));
}
