/**
 * `npm run eval`: accuracy and a confusion matrix over the labelled situations in eval/cases.yaml.
 * Options: --verbose lists every miss with the facts it rested on; --min-accuracy N fails below N;
 * FILE.yaml evaluates only the named files (the held-out set: `npm run eval -- eval/holdout.yaml`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { ask, VerdictSchema } from '../src/index.js';

const CasesSchema = z.object({
  cases: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      expect: VerdictSchema,
      why: z.string().optional(),
      tags: z.array(z.string()).default([]),
    }),
  ),
});

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const minIndex = args.indexOf('--min-accuracy');
const minAccuracy = minIndex >= 0 ? Number(args[minIndex + 1]) : 0;
// default: every eval/cases*.yaml; or the files named on the command line (e.g. eval/holdout.yaml)
const named = args.filter((a) => /\.ya?ml$/.test(a));
const dir = new URL('.', import.meta.url);
const files = named.length > 0 ? named : readdirSync(dir).filter((f) => /^cases.*\.ya?ml$/.test(f));
const read = (f: string) => readFileSync(named.length > 0 ? f : new URL(f, dir), 'utf8');
const cases = files.flatMap((f) => CasesSchema.parse(parse(read(f))).cases);
if (cases.length === 0) throw new Error('no eval cases: eval/cases*.yaml is empty or missing');

const verdicts = VerdictSchema.options;
const matrix = new Map(verdicts.map((e) => [e, new Map(verdicts.map((g) => [g, 0]))]));
const byTag = new Map<string, { ok: number; all: number }>();
let correct = 0;
const misses: string[] = [];
for (const c of cases) {
  const r = ask(c.text);
  const row = matrix.get(c.expect) as Map<string, number>;
  row.set(r.verdict, (row.get(r.verdict) ?? 0) + 1);
  const ok = r.verdict === c.expect;
  if (ok) correct++;
  else
    misses.push(
      `  ${c.id}: expected ${c.expect}, got ${r.verdict} (${r.confidence}) scores ${JSON.stringify(r.scores)}` +
        (verbose
          ? `\n    "${c.text}"\n    facts: ${r.facts.facts.map((f) => `${f.signal}<${f.evidence}>`).join(', ')}`
          : ''),
    );
  for (const tag of c.tags) {
    const t = byTag.get(tag) ?? { ok: 0, all: 0 };
    t.all++;
    if (ok) t.ok++;
    byTag.set(tag, t);
  }
}

const pct = (n: number, d: number) => `${((100 * n) / Math.max(d, 1)).toFixed(1)}%`;
const accuracy = correct / cases.length;
console.log(
  `eval (${files.join(', ')}): ${correct}/${cases.length} correct — accuracy ${pct(correct, cases.length)}\n`,
);
console.log('confusion matrix (rows: expected, columns: got)');
const pad = (s: string | number) => String(s).padStart(9);
console.log(`${'expected'.padEnd(10)}${verdicts.map(pad).join('')}   recall`);
for (const e of verdicts) {
  const row = matrix.get(e) as Map<string, number>;
  const total = [...row.values()].reduce((a, b) => a + b, 0);
  console.log(`${e.padEnd(10)}${verdicts.map((g) => pad(row.get(g) ?? 0)).join('')}   ${pct(row.get(e) ?? 0, total)}`);
}
console.log('\nby tag');
for (const [tag, t] of [...byTag].sort((a, b) => b[1].all - a[1].all)) {
  console.log(`  ${tag.padEnd(24)} ${t.ok}/${t.all}  ${pct(t.ok, t.all)}`);
}
if (misses.length > 0) console.log(`\nmisses (${misses.length})\n${misses.join('\n')}`);
if (accuracy < minAccuracy) {
  console.error(`\naccuracy ${accuracy.toFixed(3)} is below the required ${minAccuracy}`);
  process.exitCode = 1;
}
