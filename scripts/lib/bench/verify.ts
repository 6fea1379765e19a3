/**
 * What the pipeline made of a synthetic corpus, against what the corpus says it holds: every
 * bulletin used and identified, every key figure extracted with its value and change, every
 * deliberate flaw reported as a failed check, and no check failing elsewhere.
 */
import type { Fact, Finding, ReportEntry } from '../../../src/pipeline/schema.ts';
import type { Corpus, ExpectedBulletin } from './corpus.ts';
import type { ExpectedFact } from './statements.ts';

export type Verification = {
  used: number;
  partlyUsed: number;
  rejected: number;
  /** Bulletins not used as generated: file and what happened. */
  misread: string[];
  /** Expected figures not found (or found with another change on last year). */
  missing: Array<{ file: string; fact: ExpectedFact; found: string[] }>;
  flawsFound: number;
  flawsMissed: Corpus['flaws'];
  /** Failed checks no flaw explains. */
  unexpected: Finding[];
  notComparable: Finding[];
};

export function verifyIngest(corpus: Corpus, out: { report: ReportEntry[]; facts: Fact[]; findings: Finding[] }): Verification {
  const byFile = new Map(out.report.map((r) => [r.file, r]));
  const factsByBulletin = new Map<string, Fact[]>();
  for (const f of out.facts) factsByBulletin.set(f.bulletin, [...(factsByBulletin.get(f.bulletin) ?? []), f]);
  const misread: string[] = [];
  const missing: Verification['missing'] = [];
  for (const b of corpus.bulletins) {
    const entry = byFile.get(b.file);
    if (!entry || entry.status !== 'used' || entry.region !== b.region || entry.year !== b.year || entry.kind !== b.kind) {
      misread.push(`${b.file}: ${entry ? `${entry.status} as ${entry.region} ${entry.year} ${entry.kind}; ${entry.problems.map((p) => p.message).join('; ')}` : 'not in the report'}`);
      continue;
    }
    missing.push(...missingFacts(b, factsByBulletin.get(entry.bulletin!) ?? []));
  }
  // A flaw is found when a failed check of its kind names a fact of its bulletin.
  const bulletinOf = new Map(out.report.map((r) => [r.bulletin, r.file]));
  const factFile = new Map(out.facts.map((f) => [f.id, bulletinOf.get(f.bulletin)]));
  const failed = out.findings.filter((f) => f.status === 'fail');
  const explains = (flaw: Corpus['flaws'][number], f: Finding) => f.check === flaw.check && f.indicator === flaw.indicator && f.facts.some((id) => factFile.get(id) === flaw.file);
  const flawsMissed = corpus.flaws.filter((flaw) => !failed.some((f) => explains(flaw, f)));
  const unexpected = failed.filter((f) => !corpus.flaws.some((flaw) => explains(flaw, f)));
  return {
    used: out.report.filter((r) => r.status === 'used').length,
    partlyUsed: out.report.filter((r) => r.status === 'partly-used').length,
    rejected: out.report.filter((r) => r.status === 'rejected').length,
    misread,
    missing,
    flawsFound: corpus.flaws.length - flawsMissed.length,
    flawsMissed,
    unexpected,
    notComparable: out.findings.filter((f) => f.status === 'not-comparable'),
  };
}

function missingFacts(b: ExpectedBulletin, facts: Fact[]): Verification['missing'] {
  const out: Verification['missing'] = [];
  for (const e of b.facts) {
    const found = facts.filter((f) => f.indicator === e.indicator && f.region === e.region && f.year === e.year && f.scope === null && f.value === e.value && f.unit === e.unit);
    const sameYoy = (f: Fact) => (f.yoy === null && e.yoy === null) || (f.yoy !== null && e.yoy !== null && f.yoy.pct === e.yoy.pct && f.yoy.abs === e.yoy.abs);
    if (!found.some(sameYoy)) {
      const near = facts.filter((f) => f.region === e.region && f.year === e.year && (f.indicator === e.indicator || f.value === e.value));
      out.push({ file: b.file, fact: e, found: near.map((f) => `${f.indicator} ${f.value} ${JSON.stringify(f.yoy)} "${f.source.stated}"`) });
    }
  }
  return out;
}
