/** Refusals of the flow engine: a stable code for programs and a Chinese message for people. */
export type EngineErrorCode =
  | "INVALID_EVENT"
  | "CASE_NOT_STARTED"
  | "CASE_ALREADY_SUBMITTED"
  | "CASE_CLOSED"
  | "CASE_PAUSED"
  | "TASK_NOT_ACTIVE"
  | "ROLE_NOT_ALLOWED"
  /** 不相容岗位分离: the actor did the previous step, which this step must not follow by the same person. */
  | "SEPARATION_OF_DUTIES"
  | "ACTION_NOT_ALLOWED"
  /** 撤回 only before the case is accepted (受理): accepted, decided or closed cases stay with the office. */
  | "WITHDRAW_NOT_ALLOWED"
  | "COMMENT_REQUIRED"
  | "CORRECTION_LIST_REQUIRED"
  /** A decision step's passing action needs one of its outcomes (认定工伤 / 不予认定工伤 …), and its amount where stated. */
  | "OUTCOME_REQUIRED"
  | "OUTCOME_NOT_ALLOWED"
  | "FORM_NOT_EDITABLE"
  | "NOT_PAUSABLE"
  | "ALREADY_PAUSED"
  | "NOT_PAUSED"
  | "NO_PATH"
  | "CONDITION_INVALID"
  | "FLOW_INVALID";

/** Where in the flow a refusal happened, when it concerns a node, edge, task or action. */
export interface EngineErrorDetails {
  nodeId?: string;
  edgeId?: string;
  taskId?: string;
  actionId?: string;
}

export class EngineError extends Error {
  readonly code: EngineErrorCode;
  readonly details: EngineErrorDetails;

  constructor(code: EngineErrorCode, message: string, details: EngineErrorDetails = {}) {
    super(message);
    this.name = "EngineError";
    this.code = code;
    this.details = details;
  }
}
