/**
 * Content collections over what `npm run ingest` writes to content/: the bulletins as MDX
 * per language, and the data files. The schemas are the pipeline's own, so the pages read
 * exactly what the pipeline promised to write.
 */
import { defineCollection } from 'astro:content';
import { z } from 'zod';
import { glob, file } from 'astro/loaders';
import { BulletinMetaSchema, BulletinRecordSchema, FactSchema, FindingSchema, IndicatorSchema, RegionSchema, TopicSchema, EditionSchema } from './pipeline/schema.ts';

const bulletins = defineCollection({
  loader: glob({ pattern: '*/*.mdx', base: './content/bulletins' }),
  schema: BulletinMetaSchema,
});

const facts = defineCollection({
  loader: file('./content/data/facts.json', { parser: (text) => JSON.parse(text).facts }),
  schema: FactSchema,
});

const regions = defineCollection({
  loader: file('./content/data/regions.json', { parser: (text) => JSON.parse(text).regions.map((r: { code: string }) => ({ id: r.code, ...r })) }),
  schema: RegionSchema,
});

const findings = defineCollection({
  loader: file('./content/data/findings.json', { parser: (text) => JSON.parse(text).findings }),
  schema: FindingSchema,
});

const sources = defineCollection({
  loader: file('./content/data/bulletins.json', { parser: (text) => JSON.parse(text).bulletins.map((b: { bulletin: string }) => ({ id: b.bulletin, ...b })) }),
  schema: BulletinRecordSchema,
});

// The public catalogue: rules left out, children listed.
const indicators = defineCollection({
  loader: file('./content/data/indicators.json', { parser: (text) => JSON.parse(text).indicators }),
  schema: IndicatorSchema.omit({ rules: true }).extend({ children: z.array(z.string()) }),
});

const topics = defineCollection({
  loader: file('./content/data/indicators.json', { parser: (text) => JSON.parse(text).topics }),
  schema: TopicSchema,
});

// The edition date (scripts/lib/edition-date.ts): "accessed" in citations, the feeds' time.
const edition = defineCollection({
  loader: file('./content/data/edition.json', { parser: (text) => [{ id: 'edition', ...JSON.parse(text) }] }),
  schema: EditionSchema,
});

export const collections = { bulletins, facts, regions, findings, sources, indicators, topics, edition };
