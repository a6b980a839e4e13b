/**
 * Staged time limits: prose such as “社区公共就业服务平台应在收到补贴申请后 5 个工作日内受理；
 * 通过后，苏木乡镇（街道）公共就业服务平台应在 7 个工作日内完成初审；……公示期为 5 个工作日；……”
 * is the only process description of several minor items (acceptCond, applyBasis 108/109/111/135).
 * `stagesOf` cuts it into one stage per stated duration, with who acts and what they do, so a
 * parser can both list the limits and turn the stages into flow steps.
 */
import type { TimeLimit } from "@/runtime/definition/schema";
import { cleanText, fullWidthParens } from "../text/markup";
import { findLimitExpressions } from "../limits";
import { slaFromLimit, type StepSpec } from "@/seed/flow/build";

export interface Stage {
  /** The clause(s) stating the stage, as written (markup stripped). */
  text: string;
  limit: TimeLimit;
  /** Short name of the acting body (社区 / 苏木乡镇（街道） / 旗县就业服务机构 …); null if unstated. */
  actor: string | null;
  /** What is done (受理 / 初审 / 审核 / 公示 / 拨付 …). */
  action: string;
  /** A 公示 period. */
  publicNotice: boolean;
  /** The text also says the case may be refused at this point (不予受理 / 不符合…通知). */
  refusal: boolean;
  /** The stage is the 一次性告知 of missing materials (a correction loop of the previous stage). */
  correction: boolean;
}

/** Acting bodies, most specific first, with their short names. */
const ACTORS: [RegExp, string][] = [
  [/社区公共就业服务平台/, "社区"],
  [/苏木乡镇（街道）公共就业服务平台/, "苏木乡镇（街道）"],
  [/各盟市、旗县（市、区）人力资源社会保障部门/, "人社部门"],
  [/各盟市、旗县（市、区）公共就业服务机构/, "就业服务机构"],
  [/旗县（市、区）公共就业服务机构/, "旗县就业服务机构"],
  [/旗县（市、区）人力资源社会保障部门/, "旗县人社部门"],
  [/人力资源社会保障部门|人社部门/, "人社部门"],
  [/公共就业服务机构|就业部门/, "就业服务机构"],
  [/财政部门/, "财政部门"],
  [/金融机构|经办银行|合作银行/, "金融机构"],
  [/转入地经办机构|转入地/, "转入地经办机构"],
  [/转出地经办机构|转出地/, "转出地经办机构"],
  [/经办机构/, "经办机构"],
];

/** Actions, in priority order, with the label they give. */
const ACTIONS: [RegExp, string][] = [
  [/一次性告知/, "一次性告知"],
  [/公示/, "公示"],
  [/数据比对|比对/, "数据比对"],
  [/初审/, "初审"],
  [/复审|复核/, "复审"],
  [/资格审核/, "资格审核"],
  [/审批/, "审批"],
  [/审核/, "审核"],
  [/审查/, "审查"],
  [/确认/, "确认"],
  [/入户调查/, "入户调查"],
  [/尽职调查/, "尽职调查"],
  [/受理至发放|发放贷款|发放/, "发放"],
  [/拨付/, "拨付"],
  [/划转/, "划转"],
  [/报送|提出补贴资金申请|提出资金申请|报同级财政/, "报送财政部门"],
  [/受理/, "受理"],
  [/办理转出/, "办理转出"],
  [/办理转入/, "办理转入"],
  [/通知申请人|说明原因/, "告知"],
  [/反馈/, "反馈结果"],
  [/办结/, "办结"],
];

function actorsIn(text: string): string[] {
  const found: { index: number; name: string }[] = [];
  let rest = text;
  for (const [pattern, name] of ACTORS) {
    const match = pattern.exec(rest);
    if (match) {
      found.push({ index: match.index, name });
      rest = rest.slice(0, match.index) + " ".repeat(match[0].length) + rest.slice(match.index + match[0].length);
    }
  }
  return found.sort((a, b) => a.index - b.index).map((hit) => hit.name);
}

/** The first action word of `text` (see ACTIONS), or null. */
export function actionIn(text: string): string | null {
  for (const [pattern, label] of ACTIONS) if (pattern.test(text)) return label;
  return null;
}

/** Removes long bracketed remarks that state an alternative arrangement (they carry their own durations). */
export function withoutRemarks(text: string): { main: string; remarks: string[] } {
  const remarks: string[] = [];
  let main = "";
  let depth = 0;
  let group = "";
  for (const char of text) {
    if (char === "（") {
      depth++;
      if (depth === 1) {
        group = char;
        continue;
      }
    }
    if (depth > 0) {
      group += char;
      if (char === "）") depth--;
      if (depth === 0) {
        const inner = group.slice(1, -1);
        if ([...inner].length > 15 && findLimitExpressions(inner).length > 0) remarks.push(inner.replace(/[。.]$/, ""));
        else main += group;
        group = "";
      }
      continue;
    }
    main += char;
  }
  return { main: main + group, remarks };
}

/**
 * One stage per duration in the text: clauses are cut at `；` and `。`; within a clause, each
 * comma segment holding a duration closes a stage (earlier segments without a duration are
 * its context). Actor = the body named in the segment before the duration (else earlier in
 * the stage, else the previous stage's); action = the first action word after the duration
 * (else anywhere in the stage). Sentences without a duration that refuse (不予受理 / 不符合)
 * mark the preceding stage as a refusal point. Long bracketed alternatives are ignored.
 */
export function stagesOf(text: string): Stage[] {
  const { main } = withoutRemarks(fullWidthParens(cleanText(text)).replace(/\s+/g, ""));
  const stages: Stage[] = [];
  let previousActor: string | null = null;
  for (const clause of main.split(/[；;。]/)) {
    const segments = clause.split(/[，,](?![^（]*）)/).filter((segment) => segment !== "");
    let context: string[] = [];
    for (const segment of segments) {
      const expressions = findLimitExpressions(segment).filter(
        (expression) => expression.unit !== "instant" || /即时受理|即时办结/.test(segment),
      );
      if (expressions.length === 0) {
        context.push(segment);
        continue;
      }
      const stageText = [...context, segment].join("，");
      expressions.forEach((expression, i) => {
        const before = segment.slice(i === 0 ? 0 : expressions[i - 1].index + expressions[i - 1].match.length, expression.index);
        const after = segment.slice(expression.index + expression.match.length, expressions[i + 1]?.index ?? segment.length);
        const isNotice = /公示(?:期|时间)?为?(?:不少于)?$/.test(before) || /^内?的?公示/.test(after);
        const ownActors = actorsIn(before);
        const actor = isNotice
          ? null
          : ownActors.join("、") || actorsIn(context.join("，"))[0] || previousActor;
        const action = isNotice ? "公示" : actionIn(after.replace(/公示[^，]*$/, "")) ?? actionIn(after) ?? actionIn(stageText.replace(/公示/g, "")) ?? "办理";
        stages.push({
          text: stageText,
          limit: { text: stageText, days: expression.days, unit: expression.unit },
          actor,
          action,
          publicNotice: isNotice,
          refusal: action === "告知" && /不符合|不予/.test(stageText),
          correction: action === "一次性告知",
        });
        if (actor) previousActor = actor;
      });
      context = [];
    }
    const rest = context.join("，");
    if (rest !== "" && stages.length > 0 && /不予受理|不符合|审核不通过/.test(rest)) stages[stages.length - 1].refusal = true;
  }
  return stages;
}

/** A stage's step label: actor + action (公示 alone). */
export function stageLabel(stage: Stage): string {
  if (stage.publicNotice || !stage.actor) return stage.action;
  return `${stage.actor}${stage.action}`;
}

/**
 * Flow steps from stages: one caseworker step per stage (审批 / 确认 → reviewer) with its SLA;
 * a 公示 stage becomes a public-notice step; a 一次性告知 stage makes the previous step a
 * correction point and a 不符合…通知 stage makes the first review step a refusal point
 * (neither is a step of its own).
 */
export function stepsFromStages(stages: Stage[], source?: { first: number; last: number }): StepSpec[] {
  const steps: (StepSpec & { review?: boolean })[] = [];
  for (const stage of stages) {
    if (stage.correction) {
      if (steps.length > 0) steps[steps.length - 1].correction = true;
      continue;
    }
    if (stage.action === "告知") {
      const review = steps.find((step) => /审/.test(step.label)) ?? steps[0];
      if (review) review.refuse = true;
      continue;
    }
    steps.push({
      label: stageLabel(stage),
      role: /审批|确认/.test(stage.action) ? "reviewer" : "caseworker",
      sla: slaFromLimit(stage.limit),
      publicNotice: stage.publicNotice,
      refuse: stage.refusal,
      checkpoints: [stage.text],
      ...(source ? { source } : {}),
    });
  }
  return steps;
}

/** Actions that name the same kind of work (初审 ≈ 审核 ≈ 资格审核 ≈ 审查; 拨付 ≈ 发放). */
const ACTION_CLASSES: string[][] = [
  ["初审", "审核", "资格审核", "审查"],
  ["审批", "确认", "复审"],
  ["拨付", "发放"],
];

/** Whether two actions name the same kind of work. */
export function sameAction(a: string, b: string): boolean {
  if (a === b) return true;
  return ACTION_CLASSES.some((group) => group.includes(a) && group.includes(b));
}
