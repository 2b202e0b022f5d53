import { createServer } from 'node:http';
import { connect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeGitHub } from './fake-github.js';
import { opened, runBundle, SPARK_PATCH, startPullRequestGitHub } from './run-bundle.js';

let gh: FakeGitHub;
beforeEach(async () => {
  gh = await startPullRequestGitHub();
});
afterEach(async () => {
  await gh.close();
});

const writes = () => gh.requests.filter((r) => r.method !== 'GET');

describe('the built Action against a loopback GitHub', () => {
  it('first run creates one comment; a second identical run writes nothing; a new push updates it', async () => {
    const first = await runBundle(gh);
    expect(first.code, first.stdout).toBe(0);
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0]?.body).toContain('<!-- spark-or-pytorch:review -->');
    expect(gh.comments[0]?.body).toContain('This pull request adds **Apache Spark**');
    expect(first.outputs['frameworks-added']).toBe('["spark"]');
    expect(first.outputs.fit).toBe('consider-alternative');
    expect(first.outputs['comment-id']).toBe(String(gh.comments[0]?.id));
    expect(first.summary).toContain('Spark or PyTorch?');

    const before = writes().length;
    const second = await runBundle(gh);
    expect(second.code).toBe(0);
    expect(writes().length).toBe(before);
    expect(gh.comments).toHaveLength(1);

    gh.files.push({
      filename: 'Dockerfile',
      status: 'modified',
      patch: '@@ -1 +1,2 @@\n FROM python:3.12\n+RUN pip install torch==2.4.0',
    });
    const third = await runBundle(gh);
    expect(third.code).toBe(0);
    expect(gh.comments).toHaveLength(1);
    expect(gh.requests.some((r) => r.method === 'PATCH')).toBe(true);
    expect(gh.comments[0]?.body).toMatch(
      /adds \*\*(PyTorch\*\* and \*\*Apache Spark|Apache Spark\*\* and \*\*PyTorch)\*\*/,
    );
  });

  it('deletes duplicates from concurrent runs and ignores look-alike comments by others', async () => {
    gh.comments.push(
      { id: 1, body: '<!-- spark-or-pytorch:review -->\nforged by someone else', user: { login: 'mallory' } },
      { id: 2, body: '<!-- spark-or-pytorch:review -->\nold', user: { login: 'github-actions[bot]' } },
      { id: 3, body: '<!-- spark-or-pytorch:review -->\nduplicate', user: { login: 'github-actions[bot]' } },
    );
    const run = await runBundle(gh);
    expect(run.code).toBe(0);
    expect(gh.comments.map((c) => c.id)).toEqual([1, 2]);
    expect(gh.comments[0]?.body).toContain('forged by someone else');
    expect(gh.comments[1]?.body).toContain('This pull request adds');
  });

  it('says so when a later push removes the framework, and never comments on unrelated PRs', async () => {
    gh.files = [{ filename: 'README.md', status: 'modified', patch: '@@ -1 +1 @@\n-old\n+new' }];
    await runBundle(gh);
    expect(gh.comments).toHaveLength(0);
    gh.comments.push({
      id: 9,
      body: '<!-- spark-or-pytorch:review -->\nadds Spark',
      user: { login: 'github-actions[bot]' },
    });
    await runBundle(gh);
    expect(gh.comments[0]?.body).toContain('no longer adds, removes or bumps Spark or PyTorch');
  });

  it('a 403 on commenting warns with the fix, still writes the summary, and exits 0', async () => {
    gh.commentStatus = 403;
    const run = await runBundle(gh);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /::warning::GitHub answered 403 when commenting: give the workflow `permissions: pull-requests: write`/,
    );
    expect(run.summary).toContain('This pull request adds **Apache Spark**');
    expect(run.outputs['frameworks-added']).toBe('["spark"]');
  });

  it('pages through a 3,000-file pull request, says the list was cut, and stays within 37 API calls (the base inventory included)', async () => {
    gh.files = [
      ...Array.from({ length: 2999 }, (_, i) => ({
        filename: `docs/page-${i}.md`,
        status: 'added',
        patch: '@@ -0,0 +1 @@\n+hello',
      })),
      { filename: 'requirements.txt', status: 'modified', patch: SPARK_PATCH },
    ];
    const run = await runBundle(gh, { changedFiles: 3400 });
    expect(run.code, run.stdout).toBe(0);
    const pages = gh.requests.filter((r) => r.path.includes('/pulls/7/files'));
    expect(pages).toHaveLength(30);
    expect(gh.requests.length).toBeLessThanOrEqual(37);
    expect(gh.comments[0]?.body).toContain('Only 3000 of 3400 changed files could be read');
  });

  it('escapes hostile file names and PR text: no pings, links, HTML or a broken marker', async () => {
    gh.files = [
      {
        filename: 'requirements-@admins <img src=x onerror=alert(1)> [x](evil) -->.txt',
        status: 'added',
        patch: '@@ -0,0 +1 @@\n+torch==2.4.0 # @everyone <script>alert(1)</script> [x](https://evil.example) -->',
      },
    ];
    const run = await runBundle(gh, {
      title: '@octocat please merge <b>now</b> -->',
      body: '[click](https://evil.example) @team',
    });
    expect(run.code, run.stdout).toBe(0);
    const body = gh.comments[0]?.body ?? '';
    expect(body.startsWith('<!-- spark-or-pytorch:review -->\n')).toBe(true);
    expect(body.split('-->').length).toBe(2);
    // inside code spans nothing renders or pings; outside them nothing hostile may remain
    const outsideCode = body.replace(/``[^`]*``|`[^`]*`/g, '');
    expect(outsideCode).not.toMatch(/@(admins|everyone|octocat|team)\b/);
    expect(outsideCode).not.toMatch(/<img|<script|<b>/);
    expect(outsideCode).not.toContain('](https://evil.example)');
    expect(body).toContain('This pull request adds **PyTorch**');
  });

  it('reports configuration errors as annotations on the file and carries on', async () => {
    gh.contents['.github/spark-or-pytorch.yml'] =
      'context: 40 TB in Hive\nignore: not-a-list\npolicy: { approved: [spark], oops: 1 }\n';
    const run = await runBundle(gh);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /::error title=spark-or-pytorch configuration,file=\.github\/spark-or-pytorch\.yml::ignore: /,
    );
    expect(run.stdout).toMatch(
      /::error title=spark-or-pytorch configuration,file=\.github\/spark-or-pytorch\.yml::policy: unknown key\(s\): oops/,
    );
    expect(gh.comments).toHaveLength(1);
  });

  it("goes through the runner's proxy (HTTPS_PROXY) when one is set", async () => {
    // a CONNECT proxy on loopback that tunnels every request to the fake GitHub, whatever host
    // it names: the API's name never resolves, so only the proxy can have carried the run
    const tunnels: string[] = [];
    const proxy = createServer();
    proxy.on('connect', (req, client, head) => {
      tunnels.push(req.url ?? '');
      const upstream = connect(Number(new URL(gh.url).port), '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const { port } = proxy.address() as { port: number };
    try {
      const run = await runBundle(
        gh,
        {},
        {},
        {
          GITHUB_API_URL: `http://api.example.invalid:${new URL(gh.url).port}`,
          HTTPS_PROXY: `http://127.0.0.1:${port}`,
          HTTP_PROXY: `http://127.0.0.1:${port}`,
        },
      );
      expect(run.code).toBe(0);
      expect(gh.comments).toHaveLength(1);
      expect(tunnels.length).toBeGreaterThan(0);
      expect(new Set(tunnels)).toEqual(new Set([`api.example.invalid:${new URL(gh.url).port}`]));
    } finally {
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });

  it('reads a manifest at the base and head commits when GitHub leaves its patch out', async () => {
    const pull = opened.pull_request as { base: { sha: string }; head: { sha: string } };
    gh.files = [{ filename: 'requirements.txt', status: 'modified' }];
    gh.contents[`requirements.txt@${pull.base.sha}`] = 'pandas==2.2.2\ntorch==2.3.1\n';
    gh.contents[`requirements.txt@${pull.head.sha}`] = 'pandas==2.2.2\ntorch==2.4.0\npyspark==3.5.1\n';
    const run = await runBundle(gh);
    expect(run.code, run.stdout).toBe(0);
    expect(gh.requests.filter((r) => r.path.includes('/contents/requirements.txt'))).toHaveLength(2);
    expect(run.outputs['frameworks-added']).toBe('["spark"]');
    expect(gh.comments[0]?.body).toMatch(/\*\*bumped\*\*.*==2\.3\.1.*==2\.4\.0/);
  });

  it('fails the check on consider-alternative only when asked to', async () => {
    const run = await runBundle(gh, {}, { 'fail-on': 'consider-alternative' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('does not fit what the code does');
  });
});
