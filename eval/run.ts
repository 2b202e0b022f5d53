/**
 * `npm run eval`: how the core answers real questions (eval/corpus, rewritten in our own words,
 * labelled with what the real answer supports) and our own hand-written regression cases.
 *
 *   npm run eval                     the dev split (what we look at while changing things)
 *   npm run eval -- --split test     the frozen test split: only when a change is finished
 *   npm run eval -- --split train|cases
 *   --verbose lists every miss with its facts; --min-accuracy N fails below N
 *
 * Prints accuracy, recall per verdict, the confusion matrix, the keyword-count baseline on the
 * same questions, a reliability table (how often answers at each confidence are right) and, for
 * questions with paraphrases, how many paraphrases keep the verdict.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { ask, VerdictSchema } from '../src/index.js';
import { readSplit, SPLITS, type Split } from './lib/corpus.js';
import { keywordVerdict } from './lib/keyword-baseline.js';

type Case = { id: string; text: string; expect: string; paraphrases: readonly string[] };

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const splitName = option('--split') ?? 'dev';
const minAccuracy = Number(option('--min-accuracy') ?? 0);

function load(): Case[] {
  if ((SPLITS as readonly string[]).includes(splitName)) {
    return readSplit(splitName as Split).map((i) => ({
      id: i.id,
      text: i.question,
      expect: i.verdict,
      paraphrases: i.paraphrases,
    }));
  }
  if (splitName === 'cases') {
    const Cases = z.object({ cases: z.array(z.object({ id: z.string(), text: z.string(), expect: VerdictSchema })) });
    return ['cases.yaml', 'cases-lead.yaml'].flatMap((f) =>
      Cases.parse(parse(readFileSync(new URL(f, import.meta.url), 'utf8'))).cases.map((c) => ({
        ...c,
        paraphrases: [],
      })),
    );
  }
  throw new Error(`--split must be one of ${[...SPLITS, 'cases'].join(', ')}`);
}

const cases = load();
const verdicts = VerdictSchema.options;
const pct = (n: number, d: number) => `${((100 * n) / Math.max(d, 1)).toFixed(1)} %`;
const matrix = new Map(verdicts.map((e) => [e as string, new Map(verdicts.map((g) => [g as string, 0]))]));
const bins = [0.8, 0.6, 0.4, 0].map((lo) => ({ lo, right: 0, all: 0 }));
let correct = 0;
let baseline = 0;
let kept = 0;
let keptRight = 0;
let paraphrased = 0;
const misses: string[] = [];
for (const c of cases) {
  const r = ask(c.text);
  const row = matrix.get(c.expect) as Map<string, number>;
  row.set(r.verdict, (row.get(r.verdict) ?? 0) + 1);
  const ok = r.verdict === c.expect;
  if (ok) correct++;
  if (keywordVerdict(c.text) === c.expect) baseline++;
  if (r.verdict !== 'unclear') {
    const bin = bins.find((b) => r.confidence >= b.lo) as (typeof bins)[number];
    bin.all++;
    if (ok) bin.right++;
  }
  for (const p of c.paraphrases) {
    const v = ask(p).verdict;
    paraphrased++;
    if (v === r.verdict) kept++;
    if (v === c.expect) keptRight++;
  }
  if (!ok) {
    const facts = r.facts.facts.map((f) => `${f.signal}${f.status ? `@${f.status}` : ''}<${f.evidence}>`).join(', ');
    misses.push(
      `  ${c.id}: expected ${c.expect}, got ${r.verdict} (${r.confidence}) ${JSON.stringify(r.scores)}` +
        (verbose ? `\n    "${c.text}"\n    facts: ${facts}` : ''),
    );
  }
}

console.log(`eval, split "${splitName}": ${correct}/${cases.length} correct — accuracy ${pct(correct, cases.length)}`);
console.log(`keyword-count baseline on the same questions: ${pct(baseline, cases.length)}\n`);
console.log('confusion matrix (rows: expected, columns: got)');
const pad = (s: string | number) => String(s).padStart(9);
console.log(`${'expected'.padEnd(10)}${verdicts.map(pad).join('')}   recall`);
for (const e of verdicts) {
  const row = matrix.get(e) as Map<string, number>;
  const total = [...row.values()].reduce((a, b) => a + b, 0);
  console.log(`${e.padEnd(10)}${verdicts.map((g) => pad(row.get(g) ?? 0)).join('')}   ${pct(row.get(e) ?? 0, total)}`);
}
console.log('\nreliability (decided answers by confidence: how many, share right)');
bins.forEach((b, i) => {
  const hi = i === 0 ? 1 : (bins[i - 1] as (typeof bins)[number]).lo;
  console.log(`  ${b.lo.toFixed(1)}–${hi.toFixed(1)}  ${String(b.all).padStart(4)}  ${pct(b.right, b.all)}`);
});
if (paraphrased > 0) {
  console.log(
    `\nrobustness: ${pct(kept, paraphrased)} of ${paraphrased} paraphrases keep the original's verdict; ` +
      `${pct(keptRight, paraphrased)} get the label`,
  );
}
if (misses.length > 0) console.log(`\nmisses (${misses.length})\n${misses.join('\n')}`);
if (correct / cases.length < minAccuracy) {
  console.error(`\naccuracy ${(correct / cases.length).toFixed(3)} is below the required ${minAccuracy}`);
  process.exitCode = 1;
}
