/**
 * The security review's memory attack, measured: 1,000 signed Slack DMs of 40,000 characters each
 * ("0 TB 1 TB 2 TB …", the input that used to become megabytes of stored facts) into the built
 * server running with a 256 MB heap and the memory store. Prints the live heap after a full GC
 * before and after, and whether the server is still up.
 */
import { fileURLToPath } from 'node:url';
import { spawnServer } from '../test/server/spawn-server.js';
import { startFakeSlack } from '../test/slack/fake-slack.js';
import { envelope } from '../test/slack/payloads.js';
import { json, postSigned, SIGNING_SECRET } from '../test/slack/signed.js';

const PROBE = fileURLToPath(new URL('./heap-probe.mjs', import.meta.url));
const DMS = 1000;

export async function run(): Promise<Record<string, number | string>> {
  const slack = await startFakeSlack({ record: false });
  const server = await spawnServer(
    {
      HOST: '127.0.0.1',
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: `${slack.url}/api/`,
    },
    { nodeArgs: ['--max-old-space-size=256', '--expose-gc', '--import', PROBE] },
  );
  const heaps = () => server.lines.filter((l) => l.msg === 'heap-probe');
  const heap = async () => {
    const before = heaps().length;
    server.child.kill('SIGUSR2');
    while (heaps().length === before) await new Promise((r) => setTimeout(r, 20));
    return Number(heaps().at(-1)?.heapUsed ?? 0) / 1024 / 1024;
  };
  const text = Array.from({ length: 8000 }, (_, i) => `${i} TB`)
    .join(' ')
    .slice(0, 40_000);
  const url = `${server.url}/slack/events`;
  const start = await heap();
  const started = performance.now();
  let failed = 0;
  for (let i = 0; i < DMS; i += 10) {
    const batch = Array.from({ length: 10 }, (_, k) =>
      postSigned(
        url,
        envelope({
          type: 'message',
          channel_type: 'im',
          user: `U${i + k}`,
          text,
          ts: `1700000000.${String(i + k).padStart(6, '0')}`,
          channel: `D${i + k}`,
        }),
        json,
      ).then((r) => (r.status === 200 ? 0 : 1)),
    );
    failed += (await Promise.all(batch)).reduce((a: number, b: number) => a + b, 0);
  }
  const seconds = (performance.now() - started) / 1000;
  await new Promise((r) => setTimeout(r, 1000)); // answers still in flight
  const end = await heap();
  const alive = server.child.exitCode === null;
  await server.stop();
  await slack.close();
  return {
    'DMs sent (40,000 chars each)': DMS,
    'refused or failed requests': failed,
    'seconds to send them (10 at a time)': seconds,
    'live heap before: MB': start,
    'live heap after 1,000 DMs: MB (heap limit 256)': end,
    'server still up': alive ? 'yes' : 'NO',
  };
}
