/**
 * English pages never show Chinese without marking it: every Han character on an /en/ page is
 * inside an element with lang="zh-Hans" (screen readers switch voice, browsers pick a CJK font).
 */
import { describe, expect, it } from 'vitest';
import type { Element, Root, RootContent } from 'hast';
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import { attr, htmlFiles, langOfFile, parsePage, rel, requireDist } from './helpers.ts';

const HAN = /\p{Script=Han}/u;

function unmarkedChinese(tree: Root): string[] {
  const found: string[] = [];
  const walk = (node: Root | RootContent, lang: string) => {
    if (node.type === 'text') {
      if (HAN.test(node.value) && !lang.startsWith('zh')) found.push(node.value.trim().slice(0, 40));
      return;
    }
    if (node.type !== 'root' && node.type !== 'element') return;
    // Scripts hold data (chart specs), titles of SVGs are checked through their element.
    if (node.type === 'element' && (node.tagName === 'script' || node.tagName === 'style')) return;
    const own = node.type === 'element' ? attr(node as Element, 'lang') : null;
    for (const child of node.children) walk(child, own ?? lang);
  };
  walk(tree, 'en');
  return found;
}

describe('Chinese on English pages', () => {
  it('finds unmarked Chinese in a page made for the purpose', () => {
    const tree = unified().use(rehypeParse).parse('<html lang="en"><body><p>Fund 基金</p><p lang="zh-Hans">基金</p><script>"基金"</script></body></html>');
    expect(unmarkedChinese(tree)).toEqual(['Fund 基金']);
  });

  it('is always marked lang="zh-Hans"', () => {
    requireDist();
    const problems: string[] = [];
    for (const file of htmlFiles().filter((f) => langOfFile(f) === 'en')) {
      const texts = unmarkedChinese(parsePage(file));
      if (texts.length) problems.push(`${rel(file)}: ${texts.length} unmarked, e.g. ${texts.slice(0, 3).map((t) => `"${t}"`).join(', ')}`);
    }
    expect(problems, problems.slice(0, 15).join('\n')).toEqual([]);
  });
});
