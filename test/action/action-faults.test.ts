import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeGitHub, Fault, Route } from './fake-github.js';
import { OWNER, REPO, type Run, runBundle, startPullRequestGitHub } from './run-bundle.js';

let gh: FakeGitHub;
beforeEach(async () => {
  gh = await startPullRequestGitHub();
});
afterEach(async () => {
  await gh.close();
});

const REPO_PATH = `/repos/${OWNER}/${REPO}`;
const FILES: Route = { method: 'GET', path: /\/pulls\/7\/files$/ };
const POST_COMMENT: Route = { method: 'POST', path: /\/issues\/7\/comments$/ };
const DELETE_COMMENT: Route = { method: 'DELETE', path: /\/issues\/comments\/\d+$/ };
const ANY_GET: Route = { method: 'GET', path: /./ };
const HANG: Fault = { kind: 'hang' };
const DROP: Fault = { kind: 'drop' };
const LOSE_ANSWER: Fault = { kind: 'lose-answer' };
const answered = (status: number): Fault => ({ kind: 'status', status });
/** a request accepted and never answered is given up on after 1 s here, not 30 s */
const ONE_SECOND = { SPARK_OR_PYTORCH_REQUEST_TIMEOUT_MS: '1000' };
const SECONDARY = 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.';

const sent = (route: Route) =>
  gh.requests.filter((r) => r.method === route.method && route.path.test(r.path.split('?')[0] ?? ''));
/** the failure lines as the runner shows them (it undoes the `%25` escape of `%`) */
const errors = (run: Run) => [...run.stdout.matchAll(/^::error::(.*)$/gm)].map((m) => m[1]?.replaceAll('%25', '%'));
/** whatever the fault: never a crash or an unhandled rejection, and one error line exactly when failing */
function expectOneExit(run: Run) {
  expect(run.stdout).not.toMatch(/unhandled|uncaught|^\s+at /im);
  expect(errors(run)).toHaveLength(run.code === 0 ? 0 : 1);
}

describe('the built Action when GitHub fails for a while', () => {
  it.each<[string, Route, Fault, number, number]>([
    // what goes wrong, route, fault, how many times, sends of that route expected
    ['the file listing is accepted and never answered', FILES, HANG, 1, 2],
    ['the comment POST is accepted and never answered', POST_COMMENT, HANG, 1, 2],
    ['the connection drops mid-request (file listing)', FILES, DROP, 2, 3],
    ['the connection drops mid-request (comment POST)', POST_COMMENT, DROP, 1, 2],
    ['the comment POST is answered 502', POST_COMMENT, answered(502), 1, 2],
    // the POST landed and only its answer was lost: a blind resend would post a duplicate
    ['every comment POST lands but its answer is lost', POST_COMMENT, LOSE_ANSWER, Infinity, 1],
  ])('%s: retried, and exactly one comment is posted', async (_what, route, fault, times, sends) => {
    gh.inject(route, fault, times);
    const run = await runBundle(gh, {}, {}, ONE_SECOND);
    expect(run.code, run.stdout).toBe(0);
    expectOneExit(run);
    expect(sent(route)).toHaveLength(sends);
    expect(gh.comments).toHaveLength(1);
    expect(run.outputs['comment-id']).toBe(String(gh.comments[0]?.id));
    expect(run.stdout).toContain(`comment: created (#${gh.comments[0]?.id})`);
  });

  it('a duplicate whose DELETE lands but whose answer is lost counts as deleted when the resend gets 404', async () => {
    const bot = { login: 'github-actions[bot]' };
    gh.comments.push(
      { id: 2, body: '<!-- spark-or-pytorch:review -->\nold', user: bot },
      { id: 3, body: '<!-- spark-or-pytorch:review -->\nduplicate', user: bot },
    );
    gh.inject(DELETE_COMMENT, LOSE_ANSWER);
    const run = await runBundle(gh, {}, {}, ONE_SECOND);
    expect(run.code, run.stdout).toBe(0);
    expectOneExit(run);
    expect(sent(DELETE_COMMENT)).toHaveLength(2);
    expect(gh.comments.map((c) => c.id)).toEqual([2]);
    expect(gh.comments[0]?.body).toContain('This pull request adds **Apache Spark**');
  });

  it('retries GitHub 5xx answers (bounded) and still posts exactly one comment', async () => {
    gh.faults = [502, 503];
    const run = await runBundle(gh);
    expect(run.code, run.stdout).toBe(0);
    expect(gh.comments).toHaveLength(1);
    expect(gh.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  // plugin-retry would resend after 50 ms here; only the throttling plugin waits out Retry-After
  // (comment POSTs are also spaced 3 s apart by it, so the file listing is where the gap proves the wait)
  it.each<[string, Route]>([
    ['the comment POST', POST_COMMENT],
    ['the file listing', FILES],
  ])('a 429 with Retry-After: 1 on %s is resent after that second, and one comment is posted', async (_what, route) => {
    gh.inject(route, { kind: 'status', status: 429, message: SECONDARY, headers: { 'retry-after': '1' } });
    const run = await runBundle(gh);
    expect(run.code, run.stdout).toBe(0);
    expectOneExit(run);
    expect(run.stdout).toMatch(
      new RegExp(`::warning::GitHub secondary rate limit on ${route.method} ${REPO_PATH}/[^;]+; retrying in 1 s`),
    );
    const [first, second, ...more] = sent(route);
    expect(more).toHaveLength(0);
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(gh.comments).toHaveLength(1);
  });
});

describe('the built Action when GitHub keeps failing', () => {
  it.each<[string, Route, Fault, string]>([
    [
      'hangs on listing files',
      FILES,
      HANG,
      `GitHub did not answer GET ${REPO_PATH}/pulls/7/files?per_page=100&page=1 within 1 s (3 attempts)`,
    ],
    [
      'hangs on the comment POST',
      POST_COMMENT,
      HANG,
      `GitHub did not answer POST ${REPO_PATH}/issues/7/comments within 1 s (3 attempts)`,
    ],
    [
      'drops every connection of the file listing',
      FILES,
      DROP,
      `GitHub could not be reached for GET ${REPO_PATH}/pulls/7/files?per_page=100&page=1: other side closed (3 attempts)`,
    ],
    [
      'answers 500 to everything',
      ANY_GET,
      answered(500),
      `GitHub answered 500 to GET ${REPO_PATH}/contents/.github%2Fspark-or-pytorch.yml?ref=`,
    ],
  ])('%s: fails within seconds, in one line naming the request, after 3 sends', async (_what, route, fault, error) => {
    gh.inject(route, fault, Infinity);
    const started = Date.now();
    const run = await runBundle(gh, {}, {}, ONE_SECOND);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(run.code).toBe(1);
    expectOneExit(run);
    expect(errors(run)[0]).toContain(error);
    expect(sent(route)).toHaveLength(3);
    expect(gh.comments).toHaveLength(0);
    // once the review is made, it is not lost with the comment: the job summary and outputs hold it
    if (route === POST_COMMENT) {
      expect(run.summary).toContain('Spark or PyTorch?');
      expect(run.outputs.report).toContain('Spark or PyTorch?');
    }
  });

  it.each<[string, string, Record<string, string>]>([
    ['a secondary rate limit with Retry-After: 3600', SECONDARY, { 'retry-after': '3600' }],
    [
      'a primary rate limit reset in an hour',
      'API rate limit exceeded for installation.',
      { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600) },
    ],
  ])('%s: gives up at once instead of waiting, and says so', async (_what, message, headers) => {
    gh.inject(POST_COMMENT, { kind: 'status', status: 429, message, headers }, Infinity);
    const started = Date.now();
    const run = await runBundle(gh);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(run.code).toBe(1);
    expectOneExit(run);
    expect(run.stdout).toMatch(
      new RegExp(
        `::warning::GitHub (secondary )?rate limit on POST ${REPO_PATH}/issues/7/comments; it asks to wait \\d+ s, giving up`,
      ),
    );
    expect(errors(run)).toEqual([`GitHub answered 429 to POST ${REPO_PATH}/issues/7/comments: ${message}`]);
    expect(sent(POST_COMMENT)).toHaveLength(1);
    expect(gh.comments).toHaveLength(0);
  });
});
