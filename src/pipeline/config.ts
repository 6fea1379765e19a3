/**
 * Parsing the data files the pipeline runs on (catalogue, checks, manifest, gazetteer), with
 * errors that name the file, the line and what is wrong.
 */
import { parseDocument } from 'yaml';
import type { z } from 'zod';

export class ConfigError extends Error {}

/**
 * @example
 *   parseYamlFile('src/data/checks.yaml', text, ChecksSchema)
 */
export function parseYamlFile<T extends z.ZodType>(file: string, text: string, schema: T): z.infer<T> {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    throw new ConfigError(`${file}:${e.linePos?.[0]?.line ?? '?'}: ${e.message.split('\n')[0]}`);
  }
  const result = schema.safeParse(doc.toJS());
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const node = doc.getIn(issue.path as Array<string | number>, true) as { range?: [number, number] } | undefined;
    const line = node?.range ? text.slice(0, node.range[0]).split('\n').length : '?';
    throw new ConfigError(`${file}:${line}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  return result.data;
}
