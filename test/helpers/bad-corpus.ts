/**
 * The bad-input corpus: files a seeds folder can end up holding that are not (usable)
 * bulletins, built from the short fixtures in test/fixtures/bad (see its README) so that no
 * binary or 20 MB file is kept in the repository. Used by the ingest tests and by the browser
 * test that builds a whole site with them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { projectRoot } from '../../scripts/lib/load-data.ts';
import type { SeedFile } from '../../src/pipeline/ingest.ts';

const fixture = (name: string): string => readFileSync(join(projectRoot, 'test/fixtures/bad', name), 'utf8');
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

const PNG_HEADER = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
export const GB_NAME = 'luoyang-2022-bulletin.gb18030.txt';
export const TRUNCATED_NAME = 'xinxiang-2022-bulletin.txt';
export const HUGE_NAME = 'kaifeng-2022-export.txt';

export function badCorpus(): SeedFile[] {
  const xuchang = utf8(fixture('xuchang-2022-bulletin.txt'));
  return [
    { name: 'empty.txt', bytes: new Uint8Array(0) },
    { name: 'blank.txt', bytes: utf8('\n\n   \n') },
    { name: 'scan.png', bytes: PNG_HEADER },
    // The file ends inside its final "。" (three bytes, two of them lost), on line 5.
    { name: TRUNCATED_NAME, bytes: utf8(fixture('xinxiang-2022-bulletin.txt').trimEnd()).subarray(0, -2) },
    { name: GB_NAME, bytes: new Uint8Array(iconv.encode(fixture('luoyang-2022-bulletin.txt'), 'gb18030')) },
    { name: 'pingdingshan-2022-plan.txt', bytes: utf8(fixture('pingdingshan-2022-plan.txt')) },
    { name: 'xuchang-2022-bulletin.txt', bytes: xuchang },
    { name: 'zz-downloaded-again.txt', bytes: xuchang },
    { name: 'no-region-2022-bulletin.txt', bytes: utf8(fixture('no-region-2022-bulletin.txt')) },
    { name: 'nanyang-2022-bulletin.txt', bytes: utf8(fixture('nanyang-2022-bulletin.txt')) },
    { name: 'nanyang-2022-news.txt', bytes: utf8(fixture('nanyang-2022-news.txt')) },
    { name: 'zhoukou-2022-news.txt', bytes: utf8(fixture('zhoukou-2022-news.txt')) },
    // 20 MB: a whole site's export saved as one file.
    { name: HUGE_NAME, bytes: utf8('2022年开封市医疗保障统计。参保人数453.68万人。\n'.repeat(400_000)) },
  ];
}
