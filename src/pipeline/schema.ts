/**
 * Zod schemas shared by the ingest pipeline and the Astro content collections, so that
 * what the pipeline writes and what the pages read cannot drift apart.
 *
 * @example
 *   const fact = FactSchema.parse(json.facts[0]);
 */
import { z } from 'zod';

export const UnitSchema = z.enum(['person', 'person_time', 'yuan', 'percent', 'count', 'month']);
export type Unit = z.infer<typeof UnitSchema>;

export const BoundSchema = z.enum(['exact', 'at_least', 'at_most', 'about']);
export type Bound = z.infer<typeof BoundSchema>;

export const KindSchema = z.enum(['bulletin', 'yearbook', 'fund-report', 'news']);
export type Kind = z.infer<typeof KindSchema>;

export const LevelSchema = z.enum(['national', 'province', 'prefecture', 'county']);
export type Level = z.infer<typeof LevelSchema>;

export const YoySchema = z
  .object({ pct: z.number().nullable(), abs: z.number().nullable() })
  .nullable();
export type Yoy = z.infer<typeof YoySchema>;

export const SourceSchema = z.object({
  /** Seed file name, relative to the seeds folder. */
  file: z.string(),
  /** 1-based line in the raw file where the statement starts. */
  line: z.number().int().positive(),
  /** Exact substring of the cleaned source text that holds the number. */
  quote: z.string(),
  /** The number as the source writes it, with multiplier and unit ("556.73万人"). */
  stated: z.string(),
  /** Where in the bulletin the number stands. */
  block: z.enum(['text', 'table', 'series']),
  /** For tables and chart series: caption, row and column that label the cell. */
  context: z.string().nullable(),
});
export type Source = z.infer<typeof SourceSchema>;

export const FactSchema = z.object({
  id: z.string(),
  bulletin: z.string(),
  region: z.string().regex(/^\d{6}$/),
  year: z.number().int(),
  indicator: z.string(),
  value: z.number(),
  unit: UnitSchema,
  /** Half of the last stated digit, in base units: the rounding the source allows. */
  precision: z.number(),
  bound: BoundSchema,
  scope: z.string().nullable(),
  /** The scope in English ("excluding Hua County"), for English pages. */
  scope_en: z.string().nullable(),
  yoy: YoySchema,
  /** For unclassified figures: the words that precede the number, as a label. */
  label: z.string().nullable(),
  /** Id of an earlier fact stating the same figure (within rounding); null for the first. */
  same_as: z.string().nullable(),
  source: SourceSchema,
});
export type Fact = z.infer<typeof FactSchema>;

export const RegionSchema = z.object({
  code: z.string().regex(/^\d{6}$/),
  name_zh: z.string(),
  short_zh: z.string(),
  name_en: z.string(),
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  level: LevelSchema,
  parent: z.string().nullable(),
  former: z.array(z.string()).optional(),
});
export type Region = z.infer<typeof RegionSchema>;

export const SchemeSchema = z.enum(['total', 'employee', 'resident', 'maternity', 'none']);
export type Scheme = z.infer<typeof SchemeSchema>;

/**
 * When a statement belongs to an indicator. All regular expressions are source text for
 * `new RegExp`; every one given must hold.
 */
const MatchRuleSchema = z.object({
  /** The insurance scheme the statement is about; omitted means any. */
  scheme: z.union([SchemeSchema, z.array(SchemeSchema)]).optional(),
  /** Each must match the words that name the figure (before and right after the number). */
  all: z.array(z.string()).min(1),
  /** Rules the statement out when it matches those words. */
  exclude: z.string().optional(),
  /** Must match the clause up to the number (to tell inpatient from outpatient, say). */
  context: z.string().optional(),
  /** Rules the statement out when it matches the sentence up to the number. */
  unless: z.string().optional(),
  /** Must match the section headings, this sentence or the one before it. */
  topic: z.string().optional(),
  /** Rules the statement out when the headings, this sentence or the one before match. */
  off_topic: z.string().optional(),
  /** The scheme must be named in this sentence or its headings, not only earlier in the paragraph. */
  local_scheme: z.boolean().optional(),
});
export type MatchRule = z.infer<typeof MatchRuleSchema>;

export const IndicatorSchema = z.object({
  id: z.string().regex(/^[a-z_]+(\.[a-z0-9_]+)*$/),
  name_zh: z.string(),
  name_en: z.string(),
  unit: UnitSchema,
  /** English noun for counts ("institutions"); people and money have their own wording. */
  noun_en: z.string().optional(),
  topic: z.string(),
  definition_zh: z.string(),
  definition_en: z.string(),
  parent: z.string().nullable().default(null),
  rules: z.array(MatchRuleSchema).default([]),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const TopicSchema = z.object({
  id: z.string(),
  name_zh: z.string(),
  name_en: z.string(),
});
export type Topic = z.infer<typeof TopicSchema>;

export const CatalogueSchema = z.object({
  topics: z.array(TopicSchema),
  indicators: z.array(IndicatorSchema),
});
export type Catalogue = z.infer<typeof CatalogueSchema>;

export const FindingSchema = z.object({
  id: z.string(),
  check: z.enum(['parts-sum', 'balance-identity', 'subregion-sum', 'yoy', 'two-sources', 'table-total']),
  status: z.enum(['pass', 'fail', 'not-comparable']),
  region: z.string(),
  year: z.number().int(),
  indicator: z.string(),
  /** What the check expected and what the source states, in base units. */
  expected: z.number(),
  stated: z.number(),
  tolerance: z.number(),
  facts: z.array(z.string()),
  message_zh: z.string(),
  message_en: z.string(),
});
export type Finding = z.infer<typeof FindingSchema>;

export const ReportNoteSchema = z.object({
  line: z.number().int().nullable(),
  message: z.string(),
});
export type ReportNote = z.infer<typeof ReportNoteSchema>;

export const ReportEntrySchema = z.object({
  file: z.string(),
  sha256: z.string(),
  status: z.enum(['used', 'partly-used', 'rejected']),
  bulletin: z.string().nullable(),
  encoding: z.string().nullable(),
  region: z.string().nullable(),
  year: z.number().int().nullable(),
  kind: KindSchema.nullable(),
  facts: z.number().int(),
  classified: z.number().int(),
  /** Clean-up steps applied to the text (footers removed, lines joined, duplicates dropped). */
  cleaned: z.array(ReportNoteSchema),
  /** What was left out and why (partly used), or why the file was rejected. */
  problems: z.array(ReportNoteSchema),
  /** Figures this file states differently from another statement (see findings.json). */
  conflicts: z.array(ReportNoteSchema),
});
export type ReportEntry = z.infer<typeof ReportEntrySchema>;

export const BulletinMetaSchema = z.object({
  bulletin: z.string(),
  lang: z.enum(['zh', 'en']),
  title: z.string(),
  source_title: z.string().nullable(),
  region: z.string(),
  region_slug: z.string(),
  year: z.number().int(),
  kind: KindSchema,
  volume: z.number().int().nullable(),
  // YAML readers turn an unquoted 2022-03-09 into a Date; the yearbook keeps the ISO day.
  published: z.preprocess((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v), z.string().nullable()),
  publisher: z.string().nullable(),
  origin: z.string().nullable(),
  source_file: z.string(),
  sha256: z.string(),
  facts: z.number().int(),
  /** original: the Chinese; editorial: translated in full; partial: some pieces still in Chinese; generated: sentences from the facts. */
  translation: z.enum(['original', 'editorial', 'partial', 'generated']),
});
export type BulletinMeta = z.infer<typeof BulletinMetaSchema>;

/** One source bulletin as content/data/bulletins.json lists it (titles in both languages). */
export const BulletinRecordSchema = BulletinMetaSchema.omit({ lang: true, title: true, translation: true }).extend({
  title_zh: z.string(),
  title_en: z.string(),
  /** How much of the bulletin's text has an editorial English translation, and its title's. */
  english: z.object({ pieces: z.number().int(), translated: z.number().int(), title: z.string().nullable() }),
});
export type BulletinRecord = z.infer<typeof BulletinRecordSchema>;

/** content/data/edition.json: the build's edition date and where it came from. */
export const EditionSchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  basis: z.enum(['SOURCE_DATE_EPOCH', 'commit', 'sources', 'none']),
});
export type Edition = z.infer<typeof EditionSchema>;
