/**
 * ask(): median and p99 over realistic 100–2,000 character questions and over 2 KB ones, bytes
 * allocated per 1 KB question, worst case on hostile 256 KiB input, and the size of the facts and
 * of the whole answer for the worst input (what the bots store per thread).
 */
// the built library, as users run it (npm run build first): the TypeScript loader's helpers would skew it
import { ask } from '../dist/src/index.js';
import { percentile } from './stats.js';

const SENTENCES = [
  'We have about 40 TB of clickstream sitting in HDFS and the nightly Hive joins take six hours.',
  'The data science team wants to fine-tune a 7B model on our 8 A100s; the corpus is 30 GB of text.',
  "We don't have GPUs, so training is out; we only need inference with a small BERT model.",
  'Every night we score a 2B-row table with a trained PyTorch model and write the results to Delta.',
  'Our analysts know SQL but not Python, and the whole thing is a few hundred gigs of parquet on S3.',
  'Latency has to be under 50 ms per request because the model sits behind a public REST API.',
  'It is an XGBoost churn model on maybe 5 million rows, retrained weekly by a two person team.',
  'Events arrive from Kafka at 200k per second and need fraud scores within a few seconds.',
];

function question(chars: number, seed: number): string {
  let text = '';
  let i = seed;
  while (text.length < chars) text += `${SENTENCES[i++ % SENTENCES.length]} `;
  return text.slice(0, chars);
}

function timeOnce(text: string): number {
  const start = performance.now();
  ask(text);
  return performance.now() - start;
}

/** Bytes allocated per call: heap growth over many calls with the collector held off by a large young space. */
function allocatedPerCall(text: string): number | string {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return 'run with node --expose-gc';
  // 20 calls stay well inside the young generation, so no scavenge runs between the readings
  const calls = 20;
  const samples: number[] = [];
  for (let round = 0; round < 15; round++) {
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < calls; i++) ask(text);
    samples.push((process.memoryUsage().heapUsed - before) / calls);
  }
  return percentile(samples, 50);
}

export async function run(): Promise<Record<string, number | string>> {
  const loadStart = performance.now();
  ask('warm up the bundled knowledge base');
  const firstAsk = performance.now() - loadStart;
  for (let i = 0; i < 500; i++) ask(question(100 + (i % 20) * 95, i));
  const times: number[] = [];
  for (let i = 0; i < 5000; i++) times.push(timeOnce(question(100 + (i % 20) * 95, i)));
  const times2k: number[] = [];
  for (let i = 0; i < 3000; i++) times2k.push(timeOnce(question(2048, i)));

  const hostile: Record<string, string> = {
    '200 KB of one repeated word': 'a '.repeat(100_000),
    '200 KB of digits and units': '9'.repeat(50_000) + ' TB '.repeat(37_000),
    '200 KB of negations': "not don't no never ".repeat(10_500),
    '200 KB without spaces': 'x'.repeat(200_000),
    '200 KB of number words': 'a few hundred thousand million '.repeat(6_600),
  };
  hostile['256 KiB of sizes ("0 TB 1 TB 2 TB …")'] = Array.from({ length: 40_000 }, (_, i) => `${i} TB`).join(' ');
  hostile['256 KiB of product names'] = 'pyspark duckdb pytorch ray databricks '.repeat(7_000);
  const figures: Record<string, number | string> = {
    'first ask (loads the knowledge): ms': firstAsk,
    'ask 100–2,000 chars: median ms': percentile(times, 50),
    'ask 100–2,000 chars: p99 ms': percentile(times, 99),
    'ask 2 KB: median ms': percentile(times2k, 50),
    'ask 2 KB: p99 ms (target ≤ 0.5)': percentile(times2k, 99),
    'ask 1 KB: bytes allocated per call (target ≤ 50,000)': allocatedPerCall(question(1024, 3)),
  };
  let worstFacts = 0;
  let worstAnswer = 0;
  for (const [name, text] of Object.entries(hostile)) {
    const input = text.slice(0, 256 * 1024);
    const runs = [0, 1, 2].map(() => timeOnce(input));
    figures[`${name}: worst ms (target ≤ 100)`] = Math.max(...runs);
    const r = ask(input);
    worstFacts = Math.max(worstFacts, Buffer.byteLength(JSON.stringify(r.facts)));
    worstAnswer = Math.max(worstAnswer, Buffer.byteLength(JSON.stringify(r)));
  }
  figures['largest facts over hostile input: bytes (target ≤ 32,768)'] = worstFacts;
  figures['largest answer over hostile input: bytes (target ≤ 65,536)'] = worstAnswer;
  return figures;
}
