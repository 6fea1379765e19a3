/**
 * Reads the data files `npm run ingest` writes to content/data/ and checks them against the
 * pipeline's own schemas, so pages read exactly what the pipeline promised to write.
 *
 * Why not content collections: a national yearbook has some 150,000 facts and 100,000 checks.
 * As collections they are validated and hashed entry by entry, serialised into Astro's data
 * store and compiled into the build as one JavaScript module of hundreds of megabytes — the
 * largest single cost of the build. Read here they are one JSON.parse each. The bulletins'
 * text stays a collection (MDX).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { BulletinRecordSchema, EditionSchema, FactSchema, FindingSchema, IndicatorSchema, RegionSchema, TopicSchema } from '../pipeline/schema.ts';
import type { YearbookData } from './yearbook-index.ts';

/** The public catalogue: rules left out, children listed. */
const CatalogueIndicatorSchema = IndicatorSchema.omit({ rules: true }).extend({ children: z.array(z.string()) });

const FILES = {
  facts: { file: 'facts.json', schema: z.object({ facts: z.array(FactSchema) }) },
  findings: { file: 'findings.json', schema: z.object({ findings: z.array(FindingSchema) }) },
  regions: { file: 'regions.json', schema: z.object({ regions: z.array(RegionSchema) }) },
  catalogue: { file: 'indicators.json', schema: z.object({ indicators: z.array(CatalogueIndicatorSchema), topics: z.array(TopicSchema) }) },
  sources: { file: 'bulletins.json', schema: z.object({ bulletins: z.array(BulletinRecordSchema) }) },
  edition: { file: 'edition.json', schema: EditionSchema },
} as const;

/** The data files read, for callers that cache on their modification times. */
export const YEARBOOK_DATA_FILES = Object.values(FILES).map((f) => f.file);

/**
 * @example
 *   readYearbookData('content/data').facts.length // 3215
 * @throws naming the file and the entry that breaks the schema, e.g.
 *   "content/data/facts.json: facts.12.value: Invalid input: expected number, received string"
 */
export function readYearbookData(dir: string): YearbookData {
  const read = <S extends z.ZodType>({ file, schema }: { file: string; schema: S }): z.output<S> => {
    const path = join(dir, file);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new Error(`${path}: ${(error as Error).message} (run npm run ingest)`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`${path}: ${issue.path.join('.') || '(top)'}: ${issue.message}`);
    }
    return parsed.data;
  };
  const catalogue = read(FILES.catalogue);
  return {
    facts: read(FILES.facts).facts,
    findings: read(FILES.findings).findings,
    regions: read(FILES.regions).regions,
    indicators: catalogue.indicators,
    topics: catalogue.topics,
    sources: read(FILES.sources).bulletins,
    edition: read(FILES.edition),
  };
}
