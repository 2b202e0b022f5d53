/**
 * `npm run bench:load`: the real server (built CLI, its own process) under signed Slack slash
 * commands and Teams activities at 200 requests/s over loopback — once on the memory store and once
 * on a real redis-server — against a bare Bolt app that only acknowledges, in the same run.
 *
 * Fairness: the fake Slack / Teams connector that receives the answers runs in a process of its
 * own, not in the driver's; the three servers run side by side and take turns in short segments (order rotated
 * each round), so whatever else the machine does falls on all of them alike. Each server gets
 * BENCH_SECONDS (default 60) of load in all. Memory: after each of a server's segments it is asked
 * for its heap after a forced full GC; the trend is the least-squares slope over the run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { SIGNING_SECRET } from '../test/slack/signed.js';
import { startRedis } from '../test/store/redis-server.js';
import { driveSegment, type Segment } from './load-drive.js';
import { type LoadTarget, launchTarget } from './load-target.js';
import { percentile } from './stats.js';
import { slope } from './trend.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 60);
const rounds = Number(process.env.BENCH_ROUNDS ?? 12);
const rate = 200;
const segmentSeconds = seconds / rounds;

const fakeProcess = spawn(
  process.execPath,
  ['--import', 'tsx', new URL('./fake-slack-process.ts', import.meta.url).pathname],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const fake = {
  url: await new Promise<string>((resolve, reject) => {
    createInterface({ input: fakeProcess.stdout }).once('line', (line) =>
      resolve((JSON.parse(line) as { url: string }).url),
    );
    fakeProcess.once('exit', (code) => reject(new Error(`the fake Slack exited (${code})`)));
  }),
  close: async () => {
    fakeProcess.kill('SIGTERM');
  },
};
const hasRedis = spawnSync('redis-server', ['--version']).status === 0;
const redis = hasRedis ? await startRedis() : undefined;
const bin = new URL('../bin/spark-or-pytorch.js', import.meta.url).pathname;
const serverEnv = {
  SLACK_BOT_TOKEN: 'xoxb-load',
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_API_URL: `${fake.url}/api/`,
  TEAMS_ALLOW_UNAUTHENTICATED: 'true',
  LOG_LEVEL: 'info',
  PORT: '0',
};

type Run = { target: LoadTarget; teams: boolean; segments: Segment[]; heap: [number, number][] };
const ours = async (name: string, env: Record<string, string>): Promise<Run> => ({
  target: await launchTarget(name, [bin, 'serve'], { ...serverEnv, ...env }),
  teams: process.env.BENCH_TEAMS !== 'false',
  segments: [],
  heap: [],
});
const stores = (process.env.BENCH_STORES ?? 'memory,redis').split(',');
const runs: Run[] = [
  ...(stores.includes('memory') ? [await ours('memory', {})] : []),
  ...(redis && stores.includes('redis') ? [await ours('redis', { REDIS_URL: redis.url })] : []),
  {
    target: await launchTarget('bare Bolt', ['--import', 'tsx', new URL('./bare-bolt.ts', import.meta.url).pathname], {
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: `${fake.url}/api/`,
      PORT: '0',
    }),
    teams: false,
    segments: [],
    heap: [],
  },
];

// warm up every server on the same mix (JIT, connection pools), then take the first heap reading
for (const run of runs) {
  await driveSegment(run.target, { rate, seconds: 10, withTeams: run.teams, responseBase: fake.url, offset: 0 });
  await new Promise((r) => setTimeout(r, 500));
  run.heap.push([0, await run.target.heapAfterGc()]);
}

let offset = 0;
for (let round = 0; round < rounds; round++) {
  for (let k = 0; k < runs.length; k++) {
    const run = runs[(round + k) % runs.length] as Run;
    const segment = await driveSegment(run.target, {
      rate,
      seconds: segmentSeconds,
      withTeams: run.teams,
      responseBase: fake.url,
      offset,
    });
    offset += segment.sent;
    run.segments.push(segment);
    await new Promise((r) => setTimeout(r, 300)); // the answers after the acks finish
    run.heap.push([(run.segments.length * segmentSeconds) / 60, await run.target.heapAfterGc()]);
  }
}
for (const run of runs) run.target.stop();
await redis?.stop();
await fake.close();

const bare = runs.at(-1) as Run;
const ack = (run: Run) => run.segments.flatMap((s) => s.ackMs);
const bareP99 = percentile(ack(bare), 99);
const fmt = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
const figures = (run: Run): [string, string][] => {
  const sent = run.segments.reduce((s, x) => s + x.sent, 0);
  const busy = run.segments.reduce((s, x) => s + x.seconds, 0);
  const rss = run.segments.flatMap((s) => s.rssMb);
  const p99 = percentile(ack(run), 99);
  const heaps = run.heap.map(([, mb]) => mb);
  return [
    [
      'load',
      `${fmt(busy, 0)} s, ${sent} requests${run.teams ? ' (¾ Slack slash commands, ¼ Teams activities)' : ' (slash commands)'}`,
    ],
    ['throughput req/s', fmt(sent / busy, 1)],
    ['slash-command ack p50 ms', fmt(percentile(ack(run), 50))],
    ['slash-command ack p99 ms (target ≤ 50)', fmt(p99)],
    [
      'ack p99 per segment min / median / max ms',
      [0, 50, 100]
        .map((q) =>
          fmt(
            percentile(
              run.segments.map((x) => percentile(x.ackMs, 99)),
              q,
            ),
            1,
          ),
        )
        .join(' / '),
    ],
    ['errors (target 0)', String(run.segments.reduce((s, x) => s + x.errors, 0))],
    ...(run === bare ? [] : ([['p99 ratio to bare Bolt (target ≤ 1.3)', fmt(p99 / bareP99)]] as [string, string][])),
    ['heap after GC, start → end MB', `${fmt(heaps[0] ?? Number.NaN, 1)} → ${fmt(heaps.at(-1) ?? Number.NaN, 1)}`],
    ['heap after GC trend MB per minute of load', fmt(slope(run.heap))],
    ['RSS min / max MB', `${fmt(Math.min(...rss), 0)} / ${fmt(Math.max(...rss), 0)}`],
  ];
};
console.log(`bench:load — ${rate} req/s, ${rounds} rounds of ${fmt(segmentSeconds, 1)} s per server, turns rotated`);
if (!redis) console.log('(redis-server is not installed: the Redis run is skipped — apt-get install redis-server)');
for (const run of runs) {
  console.log(`\n${run.target.name}`);
  for (const [name, value] of figures(run)) console.log(`  ${name.padEnd(44)} ${value}`);
}
