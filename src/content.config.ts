/**
 * Content collections over what `npm run ingest` writes to content/: the bulletins as MDX
 * per language, and the data files. The schemas are the pipeline's own, so the pages read
 * exactly what the pipeline promised to write.
 */
import { defineCollection } from 'astro:content';
import { glob, file } from 'astro/loaders';
import { BulletinMetaSchema, FactSchema, FindingSchema, RegionSchema } from './pipeline/schema.ts';

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

export const collections = { bulletins, facts, regions, findings };
