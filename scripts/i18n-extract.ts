/**
 * npm run i18n:extract — brings content/translations/<bulletin>.yaml up to date with the seeds:
 * adds an entry (empty English) for every new piece, marks an entry whose source text changed
 * as stale (keeping its old English for reference), and keeps everything else as it is.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { parseSeedBulletins } from '../src/pipeline/ingest.ts';
import { pieceStates, translatablePieces, type TranslationEntry, type TranslationFile } from '../src/pipeline/translation-memory.ts';
import { loadPipelineData, loadSeeds, projectRoot, readTranslationFile } from './lib/load-data.ts';

const dir = join(projectRoot, 'content/translations');
mkdirSync(dir, { recursive: true });
const { files, manifest } = loadSeeds(join(projectRoot, 'seeds'));
for (const bulletin of parseSeedBulletins({ files, manifest, ...loadPipelineData() })) {
  const path = join(dir, `${bulletin.slug}.yaml`);
  const memory = readTranslationFile(path);
  const pieces = translatablePieces(bulletin.blocks);
  const states = pieceStates(pieces, memory);
  const entries: TranslationEntry[] = pieces.map((p) => {
    const { state, entry } = states.get(p.id)!;
    if (state === 'stale') return { id: p.id, kind: p.kind, line: p.line, zh: p.zh, en: entry!.en, status: 'stale' };
    return entry ? { ...entry, line: p.line } : { id: p.id, kind: p.kind, line: p.line, zh: p.zh, en: '', status: 'needs-review' };
  });
  const file: TranslationFile = { bulletin: bulletin.slug, source: bulletin.file, entries };
  writeFileSync(path, stringify(file, { lineWidth: 0 }));
  const count = (s: string) => entries.filter((e) => (s === 'missing' ? e.en === '' : e.status === s && e.en !== '')).length;
  console.log(`${bulletin.slug}: ${entries.length} pieces, ${count('translated')} translated, ${count('stale')} stale, ${count('missing')} without English`);
}
