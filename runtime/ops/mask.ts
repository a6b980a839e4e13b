/**
 * Personal data out of log lines: resident ID numbers keep their region code and last four
 * characters (150102********1237), mobile numbers their first three and last four (138****1234).
 * Pure.
 */
const RESIDENT_ID = /(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[\dXx])(?![0-9A-Za-z])/g;
const MOBILE = /(?<![0-9A-Za-z])(1[3-9]\d)\d{4}(\d{4})(?![0-9A-Za-z])/g;

export function maskPersonal(text: string): string {
  return text.replace(RESIDENT_ID, "$1********$2").replace(MOBILE, "$1****$2");
}

/** Field names whose values are personal data or secrets, wherever they appear in a logged object. */
const SECRET = /password|token|secret|^cookie$|^set-cookie$|authorization|^otp$|oneTimeCode|verificationCode/i;
const PERSONAL = /^(idNumber|creditCode|phone|mobile|name|displayName|applicantName|realName)$/;

/** A logged value with secrets removed and personal data masked, to a bounded depth. */
export function maskValue(value: unknown, key = "", depth = 0): unknown {
  if (SECRET.test(key) && value !== null && value !== undefined && typeof value !== "boolean") return "[已隐去]";
  if (typeof value === "string") return PERSONAL.test(key) ? maskName(value) : maskPersonal(value);
  if (value === null || typeof value !== "object" || depth > 6) return value;
  if (value instanceof Error) return value;
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => maskValue(v, key, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskValue(v, k, depth + 1)]));
}

/** A personal field: numbers masked; anything else kept to its first character. */
function maskName(value: string): string {
  const masked = maskPersonal(value);
  if (masked !== value) return masked;
  return value.length <= 1 ? value : `${value[0]}${"*".repeat(Math.min(value.length - 1, 8))}`;
}
