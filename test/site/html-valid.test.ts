/**
 * Every page in dist is valid HTML according to the Nu HTML Checker (vnu.jar from the vnu-jar
 * devDependency, run once over the whole of dist with Java): no errors.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, it } from 'vitest';
import { DIST, assertNone, requireDist } from './helpers.ts';

type VnuMessage = { type: string; subType?: string; url?: string; lastLine?: number; firstLine?: number; lastColumn?: number; message: string; extract?: string };

const require = createRequire(import.meta.url);
const VNU_JAR = join(dirname(require.resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');

let messages: VnuMessage[] | null = null;
let failure: string | null = null;

function runVnu(): void {
  if (!existsSync(VNU_JAR)) {
    failure = `vnu.jar not found at ${VNU_JAR} (is the vnu-jar devDependency installed?)`;
    return;
  }
  const run = spawnSync('java', ['-jar', VNU_JAR, '--errors-only', '--format', 'json', '--skip-non-html', DIST], { encoding: 'utf8', timeout: 120_000, maxBuffer: 256 * 1024 * 1024 });
  if (run.error) {
    failure = `could not run java -jar vnu.jar: ${run.error.message}`;
    return;
  }
  // vnu writes its JSON report to stderr (exit status 1 when there are errors).
  const text = (run.stderr || run.stdout || '').trim();
  try {
    messages = (JSON.parse(text || '{"messages":[]}') as { messages: VnuMessage[] }).messages;
  } catch {
    failure = `vnu did not answer with JSON (exit ${run.status}): ${text.slice(0, 2000)}`;
  }
}

describe('HTML validity (Nu HTML Checker)', () => {
  beforeAll(() => {
    if (!existsSync(DIST)) return;
    runVnu();
  }, 130_000);

  it('vnu reports no errors on any page', () => {
    requireDist();
    if (failure) throw new Error(failure);
    const errors = (messages ?? []).filter((m) => m.type === 'error' || m.type === 'non-document-error' || m.subType === 'fatal');
    const where = (m: VnuMessage) => {
      const file = m.url?.startsWith('file:') ? relative(process.cwd(), fileURLToPath(m.url)) : (m.url ?? '(no file)');
      return `${file}:${m.lastLine ?? m.firstLine ?? '?'}${m.lastColumn ? `:${m.lastColumn}` : ''}`;
    };
    assertNone(
      errors.map((m) => `${where(m)}: ${m.message}${m.extract ? `  [${m.extract.replace(/\s+/g, ' ').trim().slice(0, 120)}]` : ''}`),
      'vnu errors',
      400,
    );
  }, 130_000);
});
