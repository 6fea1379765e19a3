/**
 * seeds/manifest.yaml: what a file cannot say about itself (publisher, origin URL) and
 * overrides for what the pipeline would infer (region, year, kind, title), with each file's
 * sha256. Every entry is optional: a bulletin with no entry is identified from its text.
 */
import { z } from 'zod';
import { KindSchema } from './schema.ts';

export const ManifestEntrySchema = z
  .object({
    sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
    region: z.string().regex(/^\d{6}$/).optional(),
    year: z.number().int().optional(),
    kind: KindSchema.optional(),
    title: z.string().optional(),
    publisher: z.string().optional(),
    published: z.string().optional(),
    origin: z.string().url().optional(),
    note: z.string().optional(),
  })
  .strict();
export type ManifestEntry = z.infer<typeof ManifestEntrySchema>;

export const ManifestSchema = z.object({ bulletins: z.record(z.string(), ManifestEntrySchema).default({}) }).strict();
export type Manifest = z.infer<typeof ManifestSchema>;
