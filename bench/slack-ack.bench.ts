/** Signed slash command → HTTP acknowledgement: p50/p99 at 100 requests/s for 10 s, over loopback. */
import { spawn } from 'node:child_process';
import { startFakeSlack } from '../test/slack/fake-slack.js';
import { form, postSigned, SIGNING_SECRET } from '../test/slack/signed.js';
import { percentile } from './stats.js';

export async function run(): Promise<Record<string, number | string>> {
  const slack = await startFakeSlack();
  // the server runs in its own process (the built CLI), as in production; this process only drives load
  const bin = new URL('../bin/spark-or-pytorch.js', import.meta.url).pathname;
  const child = spawn(process.execPath, [bin, 'serve'], {
    env: {
      PATH: process.env.PATH,
      PORT: '0',
      LOG_LEVEL: 'info',
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: `${slack.url}/api/`,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let seen = '';
    child.stderr.on('data', (d) => {
      seen += d;
      const m = /"msg":"listening","port":(\d+)/.exec(seen);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', () => reject(new Error(`server exited: ${seen}`)));
  });
  const url = `http://127.0.0.1:${port}/slack/events`;
  const body = (i: number) =>
    new URLSearchParams({
      command: '/spark-or-pytorch',
      text: `we have ${i % 50} TB of logs in HDFS and need nightly joins`,
      response_url: `${slack.url}/response/${i}`,
      user_id: 'U1',
      channel_id: 'C1',
      team_id: 'T1',
    }).toString();
  for (let i = 0; i < 200; i++) await (await postSigned(url, body(i), form)).arrayBuffer(); // warm-up, not measured
  const rate = 100;
  const seconds = 10;
  const latencies: number[] = [];
  let errors = 0;
  const pending: Promise<void>[] = [];
  const start = performance.now();
  for (let i = 0; i < rate * seconds; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const sent = performance.now();
    pending.push(
      postSigned(url, body(i), form).then(
        async (res) => {
          latencies.push(performance.now() - sent);
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
  await new Promise((r) => setTimeout(r, 500));
  const delivered = slack.responses.length - 200;
  child.kill('SIGTERM');
  await slack.close();
  return {
    requests: latencies.length,
    'ack p50 ms': percentile(latencies, 50),
    'ack p99 ms (target ≤ 50)': percentile(latencies, 99),
    errors,
    'answers delivered to response_url': delivered,
  };
}
