/** The pieces a bulletin is segmented into; every piece keeps the raw-file line it starts on. */
export type Cell = { line: number; text: string };

export type TableBlock = {
  kind: 'table';
  line: number;
  caption: string | null;
  captionLine: number | null;
  /** One label per column, group headers flattened into "group·column". */
  columns: string[];
  /** Unit words from a units row (万元, 个), per column; empty where none. */
  columnUnits: string[];
  rows: Array<{ line: number; cells: Cell[] }>;
};

export type SeriesBlock = {
  kind: 'series';
  line: number;
  /** Title of the chart-data group ("在职退休人员比例"), if any. */
  group: string | null;
  /** Name of the series ("退休人员比例"), if any. */
  name: string | null;
  labels: string[];
  values: string[];
  /** The raw line holding the values (the quote for each value). */
  text: string;
};

export type Block =
  | { kind: 'title'; line: number; text: string }
  | { kind: 'volume'; line: number; text: string; volume: number }
  | { kind: 'heading'; line: number; text: string; level: 1 | 2 | 3 }
  | { kind: 'paragraph'; line: number; text: string }
  | { kind: 'caption'; line: number; text: string }
  | TableBlock
  | SeriesBlock;
