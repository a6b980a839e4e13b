/** The flow engine: pure case transitions over a definition's flow, and the flow lint. */
export { applyEvent, type EngineOptions } from "./applyEvent";
export { EngineError, type EngineErrorCode, type EngineErrorDetails } from "./errors";
export type * from "./types";
export { nextTimerDate } from "./nextTimer";
export { validateFlow, type FlowProblem, type FlowProblemCode } from "./validateFlow";
export { recordedEvent, replayCase, type RecordedEvent, type ReplayResult } from "./replay";
export { barredActorOf, barredActorOfTask } from "./separation";
export { withdrawalAllowed, withdrawalRefusal } from "./withdrawal";
export { correctionEditableForms } from "./correctionForms";
