/**
 * The CDN `_headers` file (Cloudflare Pages / Netlify format): a path pattern at the start of a
 * line, then indented `Name: value` lines (or `! Name` to remove a header an earlier rule set).
 * Every rule whose pattern matches applies, in order; a header set twice is joined with ", ".
 * The local server applies it, so that tests see the site under the headers the CDN sends.
 *
 * @example
 *   headersFor(parseHeadersFile('/*\n  X-A: 1\n'), '/en/') // { 'x-a': '1' }
 */
export type HeaderRule = { pattern: RegExp; set: Array<[string, string]>; remove: string[] };

export function parseHeadersFile(text: string, file = '_headers'): HeaderRule[] {
  const rules: HeaderRule[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '' || line.trim().startsWith('#')) return;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: pathPattern(line.trim()), set: [], remove: [] });
      return;
    }
    const rule = rules[rules.length - 1];
    if (!rule) throw new Error(`${file}:${i + 1}: a header before any path`);
    const body = line.trim();
    if (body.startsWith('!')) {
      rule.remove.push(body.slice(1).trim().toLowerCase());
      return;
    }
    const colon = body.indexOf(':');
    if (colon <= 0) throw new Error(`${file}:${i + 1}: expected "Name: value", found "${body}"`);
    rule.set.push([body.slice(0, colon).trim().toLowerCase(), body.slice(colon + 1).trim()]);
  });
  return rules;
}

/** "/_astro/*" → /^\/_astro\/.*$/ (a * matches anything, the rest is literal). */
function pathPattern(path: string): RegExp {
  return new RegExp(`^${path.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}

export function headersFor(rules: HeaderRule[], urlPath: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules) {
    if (!rule.pattern.test(urlPath)) continue;
    for (const name of rule.remove) delete out[name];
    for (const [name, value] of rule.set) out[name] = name in out ? `${out[name]}, ${value}` : value;
  }
  return out;
}
