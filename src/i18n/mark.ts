/**
 * Finding Chinese inside English text, so English pages can mark it `lang="zh-Hans"`
 * (screen readers switch voice, browsers pick a CJK font).
 *
 * @example
 *   splitHan('region 安阳市 (410500): named 30 times')
 *   // [{ text: 'region ', zh: false }, { text: '安阳市', zh: true }, { text: ' (410500): named 30 times', zh: false }]
 *
 *   // in an .astro page:
 *   {splitHan(message).map((s) => (s.zh ? <span lang="zh-Hans">{s.text}</span> : s.text))}
 */
export interface Segment {
  text: string;
  zh: boolean;
}

// Han characters with CJK punctuation and full-width forms; digits and a few signs inside or
// right before a run ("2022年", "12.5万", "第3号") belong to it.
const CJK = '\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef\\u2018\\u2019\\u201c\\u201d\\u00b7';
const RUN = new RegExp(`(?:[0-9][0-9.,%]*)?[${CJK}]+(?:[0-9.,%\\-–]*[${CJK}]+)*`, 'gu');

export function hasHan(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}

export function splitHan(text: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(RUN)) {
    // Curly quotes and middle dots alone are not Chinese.
    if (!hasHan(match[0])) continue;
    const at = match.index;
    if (at > last) out.push({ text: text.slice(last, at), zh: false });
    out.push({ text: match[0], zh: true });
    last = at + match[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), zh: false });
  return out;
}
