/**
 * The projects a benchmark builds, in a work folder: a copy of this project whose seeds are
 * the synthetic corpus, and a bare Astro + MDX project of the same number of pages. Both use
 * this project's node_modules through a symlink per package, so that Astro's cache
 * (node_modules/.astro) is their own and never this project's.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CorpusFile } from './corpus.ts';

/** What a build of the project needs; content/ and dist/ are made by the build itself. */
const PROJECT_ENTRIES = ['src', 'scripts', 'public', 'content/translations', 'astro.config.mjs', 'package.json', 'tsconfig.json'];
/** Caches that must stay per project. */
const OWN_CACHES = new Set(['.astro', '.vite', '.cache']);

export function linkNodeModules(root: string, project: string): void {
  const target = join(project, 'node_modules');
  mkdirSync(target, { recursive: true });
  for (const entry of readdirSync(join(root, 'node_modules'))) {
    if (OWN_CACHES.has(entry)) continue;
    symlinkSync(join(root, 'node_modules', entry), join(target, entry));
  }
}

/**
 * A copy of the project at `root` with `seeds` as its seeds folder: the working tree as it is,
 * or the files of a commit (`git archive`), so that several runs measure the same code.
 */
export function copyProject(root: string, project: string, seeds: CorpusFile[], commit: string | null = null): void {
  mkdirSync(project, { recursive: true });
  if (commit) {
    const entries = PROJECT_ENTRIES.filter((e) => spawnSync('git', ['-C', root, 'cat-file', '-e', `${commit}:${e}`]).status === 0);
    const archive = spawnSync('/bin/sh', ['-c', 'root="$1" rev="$2" dir="$3"; shift 3; git -C "$root" archive --format=tar "$rev" -- "$@" | tar -x -C "$dir"', 'sh', root, commit, project, ...entries], { encoding: 'utf8' });
    if (archive.status !== 0) throw new Error(`git archive ${commit}: ${archive.stderr}`);
  } else {
    for (const entry of PROJECT_ENTRIES) {
      if (!existsSync(join(root, entry))) continue;
      mkdirSync(dirname(join(project, entry)), { recursive: true });
      cpSync(join(root, entry), join(project, entry), { recursive: true });
    }
  }
  linkNodeModules(root, project);
  writeSeeds(join(project, 'seeds'), seeds);
}

/** The commit a copy was made from, and whether the working tree differed from it in what was copied. */
export function projectVersion(root: string, commit: string | null): { commit: string; dirty: boolean } {
  const rev = spawnSync('git', ['-C', root, 'rev-parse', commit ?? 'HEAD'], { encoding: 'utf8' }).stdout.trim() || 'unknown';
  if (commit) return { commit: rev, dirty: false };
  const status = spawnSync('git', ['-C', root, 'status', '--porcelain', '--', ...PROJECT_ENTRIES], { encoding: 'utf8' }).stdout.trim();
  return { commit: rev, dirty: status !== '' };
}

export function writeSeeds(dir: string, seeds: CorpusFile[]): void {
  mkdirSync(dir, { recursive: true });
  for (const f of seeds) writeFileSync(join(dir, f.name), f.bytes);
}

// Pages rendered on as many threads as the site's (experimental.parallelPrerender), so that the
// ratio of the two builds compares the pages, not the Astro settings.
const BARE_CONFIG = `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { availableParallelism } from 'node:os';

export default defineConfig({
  integrations: [mdx()],
  build: { format: 'directory' },
  experimental: { parallelPrerender: { workers: Math.max(1, availableParallelism()) } },
});
`;

const BARE_LAYOUT = `---
const { frontmatter } = Astro.props;
---
<!doctype html>
<html lang={frontmatter.lang}>
  <head><meta charset="utf-8" /><title>{frontmatter.title}</title></head>
  <body><main><slot /></main></body>
</html>
`;

/**
 * A minimal Astro + @astrojs/mdx site: one layout and one MDX page per text, nothing else.
 * Texts are plain paragraphs (characters MDX reads as syntax are replaced by spaces).
 */
export function makeBareProject(root: string, project: string, pages: Array<{ lang: string; text: string }>): void {
  mkdirSync(join(project, 'src/layouts'), { recursive: true });
  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'bare-astro-mdx', private: true, type: 'module' }, null, 2)}\n`);
  writeFileSync(join(project, 'astro.config.mjs'), BARE_CONFIG);
  writeFileSync(join(project, 'src/layouts/Page.astro'), BARE_LAYOUT);
  pages.forEach((page, k) => {
    const dir = join(project, 'src/pages', page.lang);
    mkdirSync(dir, { recursive: true });
    const body = page.text
      .split(/\n{2,}/)
      .map((p) => p.replace(/[{}<>`*_#[\]|\\~^$&]/g, ' ').replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .map((p, i) => (i % 8 === 0 ? `## ${p.slice(0, 30)}\n\n${p}` : p))
      .join('\n\n');
    writeFileSync(join(dir, `p${String(k).padStart(5, '0')}.mdx`), `---\nlayout: ../../layouts/Page.astro\ntitle: Page ${k}\nlang: ${page.lang}\n---\n\n${body}\n`);
  });
  linkNodeModules(root, project);
}

/** The text of a built page's <main>, block by block, without scripts, styles or markup. */
export function pageText(htmlFile: string): string {
  const html = readFileSync(htmlFile, 'utf8');
  const main = /<main[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? html;
  return main
    .replace(/<(script|style|svg)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<\/(p|li|h[1-6]|tr|blockquote|figcaption|section|div)>/g, '\n\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n\s*/g, '\n\n')
    .trim();
}
