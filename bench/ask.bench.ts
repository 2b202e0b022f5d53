/** ask(): median and p99 over realistic 100–2,000 character questions; worst case on hostile input. */
import { ask } from '../src/index.js';
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

export async function run(): Promise<Record<string, number | string>> {
  ask('warm up the bundled knowledge base');
  for (let i = 0; i < 500; i++) ask(question(100 + (i % 20) * 95, i));
  const times: number[] = [];
  for (let i = 0; i < 5000; i++) times.push(timeOnce(question(100 + (i % 20) * 95, i)));

  const hostile: Record<string, string> = {
    '200 KB of one repeated word': 'a '.repeat(100_000),
    '200 KB of digits and units': '9'.repeat(50_000) + ' TB '.repeat(37_000),
    '200 KB of negations': "not don't no never ".repeat(10_500),
    '200 KB without spaces': 'x'.repeat(200_000),
    '200 KB of number words': 'a few hundred thousand million '.repeat(6_600),
  };
  const figures: Record<string, number | string> = {
    'ask 100–2,000 chars: median ms': percentile(times, 50),
    'ask 100–2,000 chars: p99 ms (target ≤ 1)': percentile(times, 99),
    'ask 100–2,000 chars: max ms': percentile(times, 100),
  };
  for (const [name, text] of Object.entries(hostile)) {
    const runs = [0, 1, 2].map(() => timeOnce(text.slice(0, 200 * 1024)));
    figures[`${name}: worst ms (target ≤ 100)`] = Math.max(...runs);
  }
  return figures;
}
