/** Chinese numerals as the document numbers its headings and items. */

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** `一` → 1, `十二` → 12, `二十六` → 26; null when `text` is not a numeral below 100. */
export function parseChineseNumeral(text: string): number | null {
  const match = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!match || text === "") return null;
  const [, tensOrUnit, ten, unit] = match;
  if (!ten) return unit ? null : DIGITS[tensOrUnit!];
  return (tensOrUnit ? DIGITS[tensOrUnit] : 1) * 10 + (unit ? DIGITS[unit] : 0);
}
