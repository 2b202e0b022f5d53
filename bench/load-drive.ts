/** One segment of bench:load: a fixed request rate against one target, open loop (no waiting on answers). */
import { form, postSigned } from '../test/slack/signed.js';
import type { LoadTarget } from './load-target.js';

export type Segment = { ackMs: number[]; errors: number; sent: number; seconds: number; rssMb: number[] };

const slash = (i: number, responseBase: string) =>
  new URLSearchParams({
    command: '/spark-or-pytorch',
    text: `we have ${i % 90} TB in HDFS, nightly joins`,
    response_url: `${responseBase}/response/${i}`,
    user_id: 'U1',
    channel_id: 'C1',
    team_id: 'T1',
  }).toString();

const teams = (i: number, responseBase: string) =>
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

/**
 * Sends `rate` requests a second for `seconds` — every fourth a Teams activity when `withTeams` —
 * each at its due time whether or not earlier ones were answered, and records the slash-command
 * acknowledgement latencies.
 */
export async function driveSegment(
  target: LoadTarget,
  options: { rate: number; seconds: number; withTeams: boolean; responseBase: string; offset: number },
): Promise<Segment> {
  const { rate, seconds, withTeams, responseBase, offset } = options;
  const ackMs: number[] = [];
  const rssMb: number[] = [];
  let errors = 0;
  const pending: Promise<void>[] = [];
  const start = performance.now();
  const total = rate * seconds;
  for (let n = 0; n < total; n++) {
    const i = offset + n;
    const wait = start + (n * 1000) / rate - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (n % rate === 0) rssMb.push(target.rssMb());
    const sent = performance.now();
    const teamsTurn = withTeams && i % 4 === 3;
    const request = teamsTurn
      ? fetch(`http://127.0.0.1:${target.port}/api/messages`, {
          method: 'POST',
          body: teams(i, responseBase),
          headers: { 'content-type': 'application/json' },
        })
      : postSigned(`http://127.0.0.1:${target.port}/slack/events`, slash(i, responseBase), form);
    pending.push(
      request.then(
        async (res) => {
          if (!teamsTurn) ackMs.push(performance.now() - sent);
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
  return { ackMs, errors, sent: total, seconds: (performance.now() - start) / 1000, rssMb };
}
