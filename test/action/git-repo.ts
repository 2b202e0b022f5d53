import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FakeFile } from './fake-github.js';

export type GitRepo = {
  dir: string;
  commit(files: Record<string, string | null>, message: string): string;
  remove(): void;
};

/** A real git repository in a temporary directory; `commit` writes (or, with null, deletes) files and returns the sha. */
export function makeGitRepo(): GitRepo {
  const dir = mkdtempSync(join(tmpdir(), 'sop-git-'));
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', dir, ...args], {
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'Test',
        GIT_AUTHOR_EMAIL: 'test@example.invalid',
        GIT_COMMITTER_NAME: 'Test',
        GIT_COMMITTER_EMAIL: 'test@example.invalid',
      },
    }).trim();
  git('init', '-q', '-b', 'main');
  return {
    dir,
    commit(files, message) {
      for (const [path, text] of Object.entries(files)) {
        const full = join(dir, path);
        if (text === null) rmSync(full, { force: true });
        else {
          mkdirSync(dirname(full), { recursive: true });
          writeFileSync(full, text);
        }
      }
      git('add', '-A');
      git('commit', '-q', '--allow-empty', '-m', message);
      return git('rev-parse', 'HEAD');
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** What GET /pulls/N/files answers for base...head: each file's status and its patch (hunks only). */
export function pullFiles(repo: GitRepo, base: string, head: string): FakeFile[] {
  const git = (...args: string[]) => execFileSync('git', ['-C', repo.dir, ...args], { encoding: 'utf8' });
  const status: Record<string, string> = { A: 'added', D: 'removed', M: 'modified' };
  return git('diff', '--name-status', '--no-renames', base, head)
    .split('\n')
    .filter(Boolean)
    .map((row) => {
      const [code = 'M', filename = ''] = row.split('\t');
      const diff = git('diff', '--no-renames', base, head, '--', filename);
      const at = diff.indexOf('\n@@');
      return {
        filename,
        status: status[code] ?? 'modified',
        ...(at >= 0 ? { patch: diff.slice(at + 1).replace(/\n$/, '') } : {}),
      };
    });
}
