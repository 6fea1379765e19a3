/**
 * What is done to a page in the browser before it is printed to PDF. These functions run in
 * the page (Playwright sends their source), so each is self-contained: no imports, no
 * closures over this module.
 */

/**
 * Turns the print edition page into the whole yearbook: after the contents, appends each
 * chapter (data-chapter) and the methodology (data-appendix) from their own pages, with their
 * ids prefixed so that they stay unique, links between them made internal, a named page per
 * part (part1, part2, …) and the contents linking to them. Returns the parts' titles, in
 * order, for their running headers.
 */
export async function composeYearbook(appendixTitle: string): Promise<{ parts: string[] }> {
  const main = document.querySelector('main');
  if (!main) throw new Error('print edition: no <main>');
  const entries = [...document.querySelectorAll<HTMLElement>('[data-chapter], [data-appendix]')];
  const prefixOf = new Map(entries.map((li, i) => [li.dataset.chapter ?? li.dataset.appendix ?? '', `part${i + 1}-`]));
  const parts: string[] = [];
  for (const [i, li] of entries.entries()) {
    const path = li.dataset.chapter ?? li.dataset.appendix ?? '';
    const prefix = prefixOf.get(path)!;
    const response = await fetch(path);
    if (!response.ok) throw new Error(`print edition: ${path} answered ${response.status}`);
    const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
    const content = doc.querySelector('main');
    if (!content) throw new Error(`print edition: ${path} has no <main>`);
    // The part's own styles (its components') join the document's, each once.
    for (const el of doc.head.querySelectorAll('style, link[rel="stylesheet"]')) {
      const known = [...document.head.querySelectorAll('style, link[rel="stylesheet"]')].some((x) => x.outerHTML === el.outerHTML);
      if (!known && !el.textContent?.startsWith('@page')) document.head.append(document.importNode(el, true));
    }
    const part = document.createElement('section');
    part.className = 'print-part';
    part.id = `${prefix}top`;
    part.lang = doc.documentElement.lang;
    for (const node of [...content.childNodes]) part.append(document.importNode(node, true));
    for (const el of part.querySelectorAll('script')) el.remove();
    const h1 = part.querySelector('h1');
    if (li.dataset.appendix && h1) h1.textContent = appendixTitle;
    const title = h1?.textContent?.trim() ?? '';
    parts.push(title);
    // Ids and every reference to them: fragment links, ARIA, table headers, SVG url(#…).
    for (const el of part.querySelectorAll<HTMLElement>('[id]')) el.id = prefix + el.id;
    for (const el of part.querySelectorAll('*')) {
      for (const name of ['aria-labelledby', 'aria-describedby', 'aria-controls', 'headers', 'for']) {
        const value = el.getAttribute(name);
        if (value) el.setAttribute(name, value.split(/\s+/).map((id) => prefix + id).join(' '));
      }
      for (const attr of [...el.attributes]) if (attr.value.includes('url(#')) attr.value = attr.value.replace(/url\(#/g, `url(#${prefix}`);
      const href = el.getAttribute('href');
      if (href?.startsWith('#') && href.length > 1) el.setAttribute('href', `#${prefix}${href.slice(1)}`);
    }
    part.style.setProperty('page', `part${i + 1}`);
    main.append(part);
    li.querySelector('a')?.setAttribute('href', `#${part.id}`);
  }
  // Links from one part to another (a figure's source in another chapter) stay in the document.
  for (const a of main.querySelectorAll<HTMLAnchorElement>('a[href]:not([href^="#"])')) {
    const url = new URL(a.getAttribute('href')!, location.href);
    const prefix = url.origin === location.origin ? prefixOf.get(url.pathname) : undefined;
    if (prefix) a.setAttribute('href', url.hash.length > 1 ? `#${prefix}${url.hash.slice(1)}` : `#${prefix}top`);
  }
  document.title = document.querySelector('h1')?.textContent?.trim() ?? document.title;
  return { parts };
}

/**
 * Links of a printed page: fragment links stay; links to the site's other pages and files
 * point to the public site when its address is known (SITE_URL), and otherwise become plain
 * text, since the local address they were printed from means nothing in a PDF. External
 * links (a source's original address) stay as they are.
 */
export function finishLinks(siteUrl: string | null): void {
  for (const a of document.querySelectorAll<HTMLAnchorElement>('a[href]:not([href^="#"])')) {
    const url = new URL(a.getAttribute('href')!, location.href);
    if (url.origin !== location.origin) continue;
    if (siteUrl) {
      a.setAttribute('href', new URL(url.pathname.replace(/^\//, '') + url.hash, siteUrl).href);
      continue;
    }
    const span = document.createElement('span');
    span.className = a.className;
    span.append(...a.childNodes);
    a.replaceWith(span);
  }
  if (!siteUrl) for (const el of document.querySelectorAll('.chapter-downloads')) el.remove();
}
