/**
 * The time cases run on. In production it is the system clock. A demo or test server can
 * start its case clock at a chosen instant with HRSS_CASE_CLOCK_START (ISO 8601); it then
 * runs on from there at normal speed — so a walkthrough can show a case submitted the day
 * before a public holiday, whatever today is. Sessions and sign-in limits always use real time.
 */
import "server-only";
const started = Date.now();
const configured = process.env.HRSS_CASE_CLOCK_START ? Date.parse(process.env.HRSS_CASE_CLOCK_START) : Number.NaN;
const offset = Number.isNaN(configured) ? 0 : configured - started;

export function caseNow(): Date {
  return new Date(Date.now() + offset);
}
