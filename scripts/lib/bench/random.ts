/**
 * Seeded randomness for the synthetic corpus. Every draw comes from a generator keyed by the
 * seed and a name ("410500|2019|funds"), so a region's figures do not depend on how many
 * bulletins are generated or in which order: the same seed gives the same bytes.
 */

/** FNV-1a, 32 bit: a stable number for a string key. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export type Random = {
  /** Uniform in [0, 1). */
  next: () => number;
  /** Uniform in [lo, hi). */
  between: (lo: number, hi: number) => number;
  /** Integer in [lo, hi]. */
  int: (lo: number, hi: number) => number;
  pick: <T>(items: readonly T[]) => T;
  /** Items in a random order (a copy). */
  shuffle: <T>(items: readonly T[]) => T[];
};

/**
 * A mulberry32 generator for `seed` and `key`.
 *
 * @example
 *   randomFor(1, '410500|2019').int(1, 6) // the same number on every run
 */
export function randomFor(seed: number, key: string): Random {
  let state = hash32(`${seed}|${key}`) || 0x9e3779b9;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const between = (lo: number, hi: number) => lo + (hi - lo) * next();
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return {
    next,
    between,
    int,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    shuffle: (items) => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
  };
}
