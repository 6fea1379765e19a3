/**
 * Reads the data files the pipeline runs on (indicator catalogue, checks, gazetteer, a seeds
 * folder and its manifest). Shared by the ingest command and the tests.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { parseYamlFile } from '../../src/pipeline/config.ts';
import type { SeedFile } from '../../src/pipeline/ingest.ts';
import { ManifestSchema, type Manifest } from '../../src/pipeline/manifest.ts';
import { CatalogueSchema, RegionSchema, type Catalogue, type Region } from '../../src/pipeline/schema.ts';
import { ChecksSchema, type Checks } from '../../src/pipeline/validate.ts';
import { TranslationFileSchema, type TranslationFile } from '../../src/pipeline/translation-memory.ts';

export const projectRoot = resolve(import.meta.dirname, '../..');

/** Files in a seeds folder that are not bulletins. */
const NOT_BULLETINS = new Set(['manifest.yaml', 'README.md']);

export type PipelineData = { catalogue: Catalogue; checks: Checks; gazetteer: Region[] };

export function loadPipelineData(root = projectRoot): PipelineData {
  const read = (path: string) => readFileSync(join(root, path), 'utf8');
  return {
    catalogue: parseYamlFile('src/data/indicators.yaml', read('src/data/indicators.yaml'), CatalogueSchema),
    checks: parseYamlFile('src/data/checks.yaml', read('src/data/checks.yaml'), ChecksSchema),
    gazetteer: z.object({ regions: z.array(RegionSchema) }).parse(JSON.parse(read('src/data/gazetteer.json'))).regions,
  };
}

/** The bulletins of a seeds folder and its manifest (empty when the folder has none). */
export function loadSeeds(seedsDir: string): { files: SeedFile[]; manifest: Manifest; manifestPath: string } {
  const manifestPath = join(seedsDir, 'manifest.yaml');
  const manifest = existsSync(manifestPath) ? parseYamlFile(manifestPath, readFileSync(manifestPath, 'utf8'), ManifestSchema) : { bulletins: {} };
  const files = seedNames(seedsDir).map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(seedsDir, name))) }));
  return { files, manifest, manifestPath };
}

/** The names of the bulletin files in a seeds folder. */
export function seedNames(seedsDir: string): string[] {
  return readdirSync(seedsDir, { withFileTypes: true })
    .filter((e) => e.isFile() && !NOT_BULLETINS.has(e.name) && !e.name.startsWith('.'))
    .map((e) => e.name);
}

/** The translation memory: content/translations/<bulletin>.yaml, by bulletin slug. */
export function loadTranslations(dir: string): Map<string, TranslationFile> {
  const out = new Map<string, TranslationFile>();
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort()) {
    const file = readTranslationFile(join(dir, name))!;
    out.set(file.bulletin, file);
  }
  return out;
}

/** One bulletin's translation memory, or null when it has none yet. */
export function readTranslationFile(path: string): TranslationFile | null {
  return existsSync(path) ? parseYamlFile(path, readFileSync(path, 'utf8'), TranslationFileSchema) : null;
}
