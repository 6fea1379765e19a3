/**
 * The content collection over what `npm run ingest` writes to content/bulletins/: the
 * bulletins as MDX per language, checked against the pipeline's own schema. The data files
 * (facts, checks, regions, indicators) are read by src/lib/yearbook-data.ts.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { BulletinMetaSchema } from './pipeline/schema.ts';

const bulletins = defineCollection({
  loader: glob({ pattern: '*/*.mdx', base: './content/bulletins' }),
  schema: BulletinMetaSchema,
});

export const collections = { bulletins };
