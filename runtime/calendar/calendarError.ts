/** Why a calendar call was refused. */
export type CalendarErrorCode = "INVALID_DATE" | "INVALID_DAY_COUNT" | "INVALID_OVERRIDE" | "INVALID_INTERVAL";

/** A calendar input error, with a message in Chinese for the user. */
export class CalendarError extends Error {
  readonly code: CalendarErrorCode;

  constructor(code: CalendarErrorCode, message: string) {
    super(message);
    this.name = "CalendarError";
    this.code = code;
  }
}
