/**
 * `npm run eval:review`: the review's detection on real commits from public repositories
 * (eval/commits/cases, one JSON file per commit: its URL, the base manifests trimmed to the lines
 * that matter, the diff of manifests and of code that imports a framework, and the hand-checked
 * label — which frameworks the commit really adds, as framework:family).
 *
 * Prints exact-set detection, precision and recall without and with the base inventory, the API
 * calls the Action would spend per pull request, and every miss with --verbose.
 *   --min-exact N --min-precision N --min-recall N  fail (exit 1) below these, with the base inventory
 */
import { readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { review } from '../../src/index.js';

const CaseSchema = z.object({
  url: z.string().regex(/^https:\/\/github\.com\/[^/]+\/[^/]+\/commit\/[0-9a-f]{40}$/),
  subject: z.string(),
  expect: z.array(z.string().regex(/^(spark|pytorch):(python|jvm)$/)),
  filesChanged: z.number().int().nonnegative(),
  baseManifests: z.number().int().nonnegative(),
  base: z.record(z.string(), z.string()),
  diff: z.string(),
  /** tuning: looked at while fixing the readers; held-out: labelled first, never tuned on */
  split: z.enum(['tuning', 'held-out']),
});
type Case = z.infer<typeof CaseSchema>;

const dir = new URL('./cases/', import.meta.url);
const cases: (Case & { name: string })[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({ name: f, ...CaseSchema.parse(JSON.parse(readFileSync(new URL(f, dir), 'utf8'))) }));

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : 0;
};

/** What the Action would call for this pull request: config, file pages, tree, GraphQL batches, identity, comments, one write. */
function apiCalls(c: Case, comments: boolean): number {
  const manifests = Math.min(c.baseManifests, 500);
  return 1 + Math.max(1, Math.ceil(c.filesChanged / 100)) + 1 + Math.ceil(manifests / 250) + 1 + 1 + (comments ? 1 : 0);
}

type Score = { exact: number; tp: number; fp: number; fn: number; misses: string[] };
function score(subset: readonly Case[], withBase: boolean): Score & { calls: number[] } {
  const s: Score & { calls: number[] } = { exact: 0, tp: 0, fp: 0, fn: 0, misses: [], calls: [] };
  for (const c of subset) {
    const result = review(c.diff, withBase ? { baseFiles: c.base } : {});
    const found = new Set(
      result.changes.filter((x) => x.change === 'added' && x.via === 'direct').map((x) => `${x.framework}:${x.family}`),
    );
    const expected = new Set(c.expect);
    const tp = [...found].filter((f) => expected.has(f)).length;
    s.tp += tp;
    s.fp += found.size - tp;
    s.fn += expected.size - tp;
    if (tp === found.size && tp === expected.size) s.exact++;
    else s.misses.push(`${c.url}  expected [${[...expected]}] found [${[...found]}]  — ${c.subject.slice(0, 60)}`);
    s.calls.push(apiCalls(c, result.changes.length > 0));
  }
  return s;
}

const pct = (n: number, d: number) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)} %`);
const ratio = (n: number, d: number) => (d === 0 ? '—' : (n / d).toFixed(3));
const labels = (subset: readonly Case[]) => subset.reduce((n, c) => n + c.expect.length, 0);
console.log(
  `${cases.length} real commits from ${new Set(cases.map((c) => c.url.split('/')[4])).size} repositories, ${labels(cases)} framework additions labelled`,
);
const splits = {
  all: cases,
  tuning: cases.filter((c) => c.split === 'tuning'),
  'held-out': cases.filter((c) => c.split === 'held-out'),
};
const results: Record<string, Score & { calls: number[] }> = {};
for (const [split, subset] of Object.entries(splits)) {
  console.log(`${split}: ${subset.length} commits, ${labels(subset)} additions`);
  for (const withBase of [false, true]) {
    const s = score(subset, withBase);
    results[`${split} ${withBase ? 'with' : 'without'}`] = s;
    console.log(
      `  ${withBase ? 'with   ' : 'without'} base inventory: exact ${s.exact}/${subset.length} (${pct(s.exact, subset.length)})  precision ${ratio(s.tp, s.tp + s.fp)}  recall ${ratio(s.tp, s.tp + s.fn)}`,
    );
  }
}
const calls = (results['all with']?.calls ?? []).sort((a, b) => a - b);
console.log(
  `API calls per pull request (the Action's plan for these commits): median ${calls[Math.floor(calls.length / 2)]}, max ${calls.at(-1)}; a 3,000-file pull request: ${1 + 30 + 1 + 2 + 1 + 1 + 1}`,
);
if (args.includes('--verbose'))
  for (const name of ['all without', 'all with'])
    for (const m of results[name]?.misses ?? []) console.log(`  miss (${name}): ${m}`);
const w = results['all with'] ?? { exact: 0, tp: 0, fp: 0, fn: 0 };
const failures = [
  [w.exact / cases.length, option('--min-exact'), 'exact'],
  [w.tp / Math.max(1, w.tp + w.fp), option('--min-precision'), 'precision'],
  [w.tp / Math.max(1, w.tp + w.fn), option('--min-recall'), 'recall'],
].filter(([got, min]) => (got as number) < (min as number));
for (const [got, min, what] of failures) console.error(`${what} ${(got as number).toFixed(3)} is below ${min}`);
process.exit(failures.length > 0 ? 1 : 0);
