/**
 * Works out what a bulletin is when no manifest says so: the region it reports on, the data
 * year its figures describe, and its kind, from its own text (title, 全市/全区, 【概况】,
 * front matter, "2023卷" volumes that report the year before).
 */
import type { Block } from './blocks.ts';
import type { Kind, Region } from './schema.ts';
import type { RegionIndex } from './regions.ts';

export type Identity = {
  region: Region | null;
  year: number | null;
  kind: Kind;
  title: string | null;
  volume: number | null;
  published: string | null;
  publisher: string | null;
  /** How each field was decided, for the ingest report. */
  evidence: string[];
};

type Input = { blocks: Block[]; frontMatter: Record<string, unknown> | null; html: boolean };

/**
 * @example
 *   identifyBulletin({ blocks, frontMatter: null, html: false }, index).region?.code // '410500'
 */
export function identifyBulletin(input: Input, index: RegionIndex): Identity {
  const evidence: string[] = [];
  const fmTitle = typeof input.frontMatter?.title === 'string' ? input.frontMatter.title : null;
  const titleBlock = input.blocks.find((b) => b.kind === 'title');
  const title = fmTitle ?? titleBlock?.text ?? null;
  const volumeBlock = input.blocks.find((b) => b.kind === 'volume');
  const volume = volumeBlock?.kind === 'volume' ? volumeBlock.volume : null;
  const body = input.blocks.map((b) => blockText(b)).join('\n');

  const region = identifyRegion(title ?? '', body, index, evidence);
  const year = identifyYear(title ?? '', volume, input.blocks, evidence);
  const kind = identifyKind(title ?? '', body, input, volume, evidence);
  const { published, publisher } = identifyPublication(input, evidence);
  return { region, year, kind, title, volume, published, publisher, evidence };
}

function blockText(b: Block): string {
  if (b.kind === 'table') return [b.caption ?? '', ...b.rows.flatMap((r) => r.cells.map((c) => c.text))].join(' ');
  if (b.kind === 'series') return [b.group ?? '', b.name ?? '', ...b.labels].join(' ');
  return b.text;
}

// Scores every province and prefecture by how often it is named (full names count more, the
// title most); the bulletin's region is the best-scoring one.
function identifyRegion(title: string, body: string, index: RegionIndex, evidence: string[]): Region | null {
  const scores = new Map<string, number>();
  const add = (text: string, weight: number) => {
    let rest = text;
    for (const { name, region, full } of index.topNames) {
      // Most of the country's names are not in a bulletin: a search is cheaper than a split.
      if (!rest.includes(name)) continue;
      const parts = rest.split(name);
      scores.set(region.code, (scores.get(region.code) ?? 0) + (parts.length - 1) * weight * (full ? 2 : 1));
      // Blank the longer name out so that its short form is not counted again.
      rest = parts.join('□');
    }
  };
  add(title, 5);
  add(body, 1);
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (ranked.length === 0) return null;
  const [code, score] = ranked[0]!;
  const region = index.byCode.get(code)!;
  evidence.push(`region ${region.name_zh} (${code}): named ${score} weighted times`);
  return region;
}

// Not the ends of a range (2017-2022年); 截至2022年 and 至2022年 do count.
const YEAR = /(?<![\d\-—~])((?:19|20)\d{2})\s*年(?!\s*[-—~])/g;

function identifyYear(title: string, volume: number | null, blocks: Block[], evidence: string[]): number | null {
  const titleYear = [...title.matchAll(YEAR)].map((m) => Number(m[1]))[0];
  if (titleYear) {
    evidence.push(`data year ${titleYear} from the title`);
    return titleYear;
  }
  // The year mentioned most often in sentences that hold figures is the year they describe.
  const counts = new Map<number, number>();
  for (const b of blocks) {
    if (b.kind !== 'paragraph' || !/\d[万亿]?(人|元|%|家|个)/.test(b.text)) continue;
    for (const m of b.text.matchAll(YEAR)) {
      if (/[比较从自]$/.test(b.text.slice(Math.max(0, m.index - 1), m.index))) continue;
      counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
    }
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0]);
  if (volume) {
    // A yearbook volume reports the year before it.
    evidence.push(`data year ${volume - 1} from the volume ${volume}卷`);
    return volume - 1;
  }
  if (ranked.length === 0) return null;
  evidence.push(`data year ${ranked[0]![0]} mentioned most often with figures`);
  return ranked[0]![0];
}

function identifyKind(title: string, body: string, input: Input, volume: number | null, evidence: string[]): Kind {
  let kind: Kind = 'bulletin';
  if (input.frontMatter || input.html || /记者|责任编辑/.test(body)) kind = 'news';
  else if (volume || input.blocks.some((b) => b.kind === 'heading' && b.text === '概况')) kind = 'yearbook';
  else if (/财务报表|运行分析|分析报告|基金.*报告/.test(title)) kind = 'fund-report';
  evidence.push(`kind ${kind}`);
  return kind;
}

function identifyPublication(input: Input, evidence: string[]): { published: string | null; publisher: string | null } {
  let published: string | null = null;
  let publisher: string | null = null;
  const date = input.frontMatter?.date;
  if (typeof date === 'string') {
    const parsed = new Date(date);
    if (!Number.isNaN(parsed.getTime())) published = parsed.toISOString().slice(0, 10);
  }
  for (const b of input.blocks) {
    if (b.kind !== 'paragraph' && b.kind !== 'heading') continue;
    const source = /^【?来源[:：]\s*([^】]+)】?$/.exec(b.text);
    if (source) publisher = source[1]!.trim();
    // A closing signature: "株洲市医疗保障事务中心 2023年02月20日".
    const signature = /^(\S{4,30}?(?:局|中心|办公室|委员会))\s*(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(b.text);
    if (signature) {
      publisher = signature[1]!;
      published = `${signature[2]}-${signature[3]!.padStart(2, '0')}-${signature[4]!.padStart(2, '0')}`;
    }
  }
  if (published) evidence.push(`published ${published}`);
  if (publisher) evidence.push(`publisher ${publisher}`);
  return { published, publisher };
}
