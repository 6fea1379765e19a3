/** A figure as extraction finds it, before ids and cross-references are assigned. */
import type { Bound, Source, Unit, Yoy } from './schema.ts';

export type Draft = {
  region: string;
  year: number;
  indicator: string;
  value: number;
  unit: Unit;
  precision: number;
  bound: Bound;
  scope: string | null;
  yoy: Yoy;
  label: string | null;
  source: Source;
};

/** Where a bulletin's figures are attributed by default, and how to classify them. */
export type ExtractContext = {
  file: string;
  region: string;
  year: number;
};
