/**
 * `npm run bench:load`: the real server (built CLI, own process) under signed Slack slash commands
 * and Teams activities at 200 requests/s for 60 s (BENCH_SECONDS to change), over loopback; then a
 * bare Bolt app that only acknowledges, at the same rate, for the ratio. Prints p50/p99 ack latency,
 * throughput, errors and the server's memory over time.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { startFakeSlack } from '../test/slack/fake-slack.js';
import { form, postSigned, SIGNING_SECRET } from '../test/slack/signed.js';
import { percentile } from './stats.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 60);
const rate = 200;

async function launch(args: string[], env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let seen = '';
    child.stderr?.on('data', (d) => {
      seen += d;
      const m = /"msg":"listening","port":(\d+)/.exec(seen);
      if (m) resolve(Number(m[1]));
      if (seen.length > 100_000) seen = seen.slice(-1000);
    });
    child.on('exit', () => reject(new Error(`server exited: ${seen.slice(0, 500)}`)));
  });
  return { child, port };
}

const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

async function drive(port: number, pid: number, withTeams: boolean, responseBase: string) {
  const latencies: number[] = [];
  const memory: number[] = [];
  let errors = 0;
  const pending: Promise<void>[] = [];
  const slash = (i: number) =>
    new URLSearchParams({
      command: '/spark-or-pytorch',
      text: `we have ${i % 90} TB in HDFS, nightly joins`,
      response_url: `${responseBase}/response/${i}`,
      user_id: 'U1',
      channel_id: 'C1',
      team_id: 'T1',
    }).toString();
  const teams = (i: number) =>
    JSON.stringify({
      type: 'message',
      id: `a${i}`,
      channelId: 'msteams',
      serviceUrl: `${responseBase}/`,
      from: { id: '29:u' },
      recipient: { id: '28:b' },
      conversation: { id: `a:${i % 50}` },
      text: 'we have 2 GB of CSVs and need aggregations',
    });
  const start = performance.now();
  for (let i = 0; i < rate * seconds; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (i % rate === 0) memory.push(rssMb(pid));
    const sent = performance.now();
    const teamsTurn = withTeams && i % 4 === 3;
    const request = teamsTurn
      ? fetch(`http://127.0.0.1:${port}/api/messages`, {
          method: 'POST',
          body: teams(i),
          headers: { 'content-type': 'application/json' },
        })
      : postSigned(`http://127.0.0.1:${port}/slack/events`, slash(i), form);
    pending.push(
      request.then(
        async (res) => {
          if (!teamsTurn) latencies.push(performance.now() - sent);
          if (res.status !== 200) errors++;
          await res.arrayBuffer();
        },
        () => {
          errors++;
        },
      ),
    );
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - start) / 1000;
  return { latencies, errors, memory, throughput: (rate * seconds) / elapsed };
}

const fake = await startFakeSlack();
const env = {
  SLACK_BOT_TOKEN: 'xoxb-load',
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_API_URL: `${fake.url}/api/`,
  TEAMS_ALLOW_UNAUTHENTICATED: 'true',
  LOG_LEVEL: 'info',
  PORT: '0',
  // REDIS_URL=redis://127.0.0.1:6379 npm run bench:load measures the server with shared state in Redis
  ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
};
const ours = await launch([new URL('../bin/spark-or-pytorch.js', import.meta.url).pathname, 'serve'], env);
for (let i = 0; i < 300; i++)
  await (
    await postSigned(
      `http://127.0.0.1:${ours.port}/slack/events`,
      new URLSearchParams({
        command: '/spark-or-pytorch',
        text: 'warm up',
        response_url: `${fake.url}/response/w`,
        user_id: 'U1',
        channel_id: 'C1',
        team_id: 'T1',
      }).toString(),
      form,
    )
  ).arrayBuffer();
const ourRun = await drive(ours.port, ours.child.pid as number, true, fake.url);
ours.child.kill('SIGTERM');

const bare = await launch(['--import', 'tsx', new URL('./bare-bolt.ts', import.meta.url).pathname], {
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_API_URL: `${fake.url}/api/`,
  PORT: '0',
  NODE_PATH: '',
});
for (let i = 0; i < 300; i++)
  await (
    await postSigned(`http://127.0.0.1:${bare.port}/slack/events`, 'command=%2Fspark-or-pytorch&text=x', form)
  ).arrayBuffer();
const bareRun = await drive(bare.port, bare.child.pid as number, false, fake.url);
bare.child.kill('SIGTERM');
await fake.close();

const p99 = percentile(ourRun.latencies, 99);
const bareP99 = percentile(bareRun.latencies, 99);
const third = Math.max(1, Math.floor(ourRun.memory.length / 3));
const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(xs.length, 1);
const rows: [string, string][] = [
  ['duration / rate', `${seconds} s at ${rate} req/s (¾ Slack slash commands, ¼ Teams activities)`],
  ['store', process.env.REDIS_URL ? 'redis' : 'memory'],
  ['throughput req/s', ourRun.throughput.toFixed(1)],
  ['slash-command ack p50 ms', percentile(ourRun.latencies, 50).toFixed(2)],
  ['slash-command ack p99 ms (target ≤ 50)', p99.toFixed(2)],
  ['errors (target 0)', String(ourRun.errors)],
  ['bare Bolt ack p99 ms', bareP99.toFixed(2)],
  ['p99 ratio to bare Bolt (target ≤ 1.3)', (p99 / bareP99).toFixed(2)],
  ['server RSS first third avg MB', avg(ourRun.memory.slice(0, third)).toFixed(1)],
  ['server RSS last third avg MB', avg(ourRun.memory.slice(-third)).toFixed(1)],
  ['server RSS max MB', Math.max(...ourRun.memory).toFixed(1)],
];
for (const [name, value] of rows) console.log(`${name.padEnd(44)} ${value}`);
