/**
 * `npm run feedback:export [-- --out FILE]`: every 👍 / 👎 vote in the Redis store named by
 * REDIS_URL, as JSON lines (verdict, confidence, signal ids; never message text).
 */
import { createWriteStream } from 'node:fs';
import { createLogger } from '../src/logger.js';
import { createRedisStore } from '../src/store/redis-store.js';

const url = process.env.REDIS_URL;
if (!url) {
  console.error(
    'feedback:export: set REDIS_URL to the Redis the bot server uses (votes in memory die with the process)',
  );
  process.exit(2);
}
const outIndex = process.argv.indexOf('--out');
const out = outIndex >= 0 ? createWriteStream(process.argv[outIndex + 1] as string) : process.stdout;
const store = createRedisStore({ url, logger: createLogger('error') });
try {
  const votes = await store.listFeedback();
  for (const vote of votes) out.write(`${JSON.stringify(vote)}\n`);
  console.error(`feedback:export: ${votes.length} vote(s)`);
} catch (error) {
  console.error(`feedback:export: could not read from Redis: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await store.close();
  if (out !== process.stdout) out.end();
}
