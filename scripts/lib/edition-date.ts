/**
 * The edition date of a build: the date a citation gives as "accessed", the feeds' update
 * time and the datasets' modification date. It never comes from the clock, so the same inputs
 * give the same site: SOURCE_DATE_EPOCH when set (the reproducible-builds convention), else
 * the time of the checked-out commit (the version of the seeds and code being built), else the
 * newest publication date among the bulletins.
 */
import { spawnSync } from 'node:child_process';
import type { Edition } from '../../src/pipeline/schema.ts';

const isoDay = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

/** Seconds since the epoch, or null when `text` is not a whole non-negative number. */
function epochSeconds(text: string | undefined): number | null {
  const trimmed = text?.trim() ?? '';
  return /^\d+$/.test(trimmed) ? Number(trimmed) : null;
}

/** The commit time of HEAD in `dir`, or null outside a git work tree (or without git). */
export function commitEpoch(dir: string): number | null {
  const git = spawnSync('git', ['log', '-1', '--format=%ct'], { cwd: dir, encoding: 'utf8' });
  return git.status === 0 ? epochSeconds(git.stdout) : null;
}

/**
 * @example
 *   editionDate({ sourceDateEpoch: '1700000000', commitEpoch: null, published: [] })
 *   // { date: '2023-11-14', basis: 'SOURCE_DATE_EPOCH' }
 */
export function editionDate(input: { sourceDateEpoch: string | undefined; commitEpoch: number | null; published: Array<string | null> }): Edition {
  if (input.sourceDateEpoch !== undefined && input.sourceDateEpoch.trim() !== '') {
    const seconds = epochSeconds(input.sourceDateEpoch);
    if (seconds === null) throw new Error(`SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01, not "${input.sourceDateEpoch}"`);
    return { date: isoDay(seconds), basis: 'SOURCE_DATE_EPOCH' };
  }
  if (input.commitEpoch !== null) return { date: isoDay(input.commitEpoch), basis: 'commit' };
  const newest = input.published.filter((d): d is string => d !== null).sort().at(-1);
  return newest ? { date: newest, basis: 'sources' } : { date: null, basis: 'none' };
}
