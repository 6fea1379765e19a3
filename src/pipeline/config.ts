/**
 * Parsing the data files the pipeline runs on (catalogue, checks, manifest, gazetteer), with
 * errors that name the file, the line and what is wrong.
 */
import { isMap, isScalar, parseDocument, type Document } from 'yaml';
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
    // An unknown key is reported at the key itself, not at the entry that holds it.
    const path = [...issue.path, ...(issue.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [])] as Array<string | number>;
    const node = findNode(doc, path);
    const line = node?.range ? text.slice(0, node.range[0]).split('\n').length : '?';
    throw new ConfigError(`${file}:${line}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  return result.data;
}

// The key node of the last path step where there is one (its line is where the mistake is).
function findNode(doc: Document, path: Array<string | number>): { range?: [number, number, number] | null } | undefined {
  if (path.length === 0) return doc.contents as never;
  const parent = doc.getIn(path.slice(0, -1), true);
  if (isMap(parent)) {
    const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === path[path.length - 1]);
    if (pair) return pair.key as never;
  }
  return doc.getIn(path, true) as never;
}
