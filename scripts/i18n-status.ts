/**
 * npm run i18n:status [-- --strict] [--problems]
 * Per bulletin: pieces, translated, needing review, stale, missing, and translations that fail
 * the number and glossary checks. --strict exits non-zero when anything is missing, stale or
 * failing; --problems lists each problem.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadGlossary } from '../src/i18n/glossary.ts';
import { parseSeedBulletins } from '../src/pipeline/ingest.ts';
import { checkTranslation } from '../src/pipeline/translation-checks.ts';
import { pieceStates, translatablePieces } from '../src/pipeline/translation-memory.ts';
import { loadPipelineData, loadSeeds, projectRoot, readTranslationFile } from './lib/load-data.ts';

const { values } = parseArgs({ options: { strict: { type: 'boolean', default: false }, problems: { type: 'boolean', default: false } } });
const glossary = loadGlossary(projectRoot).terms;
const { files, manifest } = loadSeeds(join(projectRoot, 'seeds'));
let incomplete = false;
console.log('bulletin                          pieces  translated  review  stale  missing  failing');
for (const bulletin of parseSeedBulletins({ files, manifest, ...loadPipelineData() })) {
  const path = join(projectRoot, 'content/translations', `${bulletin.slug}.yaml`);
  const memory = readTranslationFile(path);
  const pieces = translatablePieces(bulletin.blocks);
  const states = pieceStates(pieces, memory);
  const count = (s: string) => [...states.values()].filter((x) => x.state === s).length;
  const failing: string[] = [];
  for (const p of pieces) {
    const { state, entry } = states.get(p.id)!;
    if (state === 'missing' || state === 'stale' || !entry) continue;
    for (const problem of checkTranslation(p.zh, entry.en, glossary)) failing.push(`  ${bulletin.slug} ${p.id} (line ${p.line}): ${problem.detail}`);
  }
  const failingPieces = new Set(failing.map((f) => f.split(' ')[3])).size;
  console.log(`${bulletin.slug.padEnd(32)} ${String(pieces.length).padStart(6)}  ${String(count('translated')).padStart(10)}  ${String(count('needs-review')).padStart(6)}  ${String(count('stale')).padStart(5)}  ${String(count('missing')).padStart(7)}  ${String(failingPieces).padStart(7)}`);
  if (values.problems) for (const f of failing) console.log(f);
  if (count('missing') + count('stale') + failingPieces > 0) incomplete = true;
}
if (values.strict && incomplete) {
  console.error('strict: some pieces are missing, stale or fail the checks');
  process.exitCode = 1;
}
