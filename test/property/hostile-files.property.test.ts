import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ask, InputError, MAX_QUESTION_CHARS, review } from '../../src/index.js';

/** A diff that adds `path` as a new file holding `text`. */
const addFile = (path: string, text: string) => {
  const lines = text.split('\n');
  return `diff --git a/${path} b/${path}\nnew file mode 100644\n--- /dev/null\n+++ b/${path}\n@@ -0,0 +1,${lines.length} @@\n${lines.map((l) => `+${l}`).join('\n')}\n`;
};

/** review() either answers (with a comment within GitHub's limit) or refuses with an InputError. */
const reviewsOrRefuses = (diff: string) => {
  try {
    expect(review(diff).markdown.length).toBeLessThanOrEqual(65_536);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
  }
};

/** Nine levels of nine aliases each: a billion strings if expanded naively. */
function aliasBomb(): string {
  const names = 'abcdefghij';
  const levels = [`a: &a [${Array(9).fill('"lol"').join(', ')}]`];
  for (let i = 1; i < names.length; i++)
    levels.push(
      `${names[i]}: &${names[i]} [${Array(9)
        .fill(`*${names[i - 1]}`)
        .join(', ')}]`,
    );
  return `${levels.join('\n')}\ndependencies: [pytorch]`;
}

describe('hostile files and enormous input', () => {
  it('a 1 MB question is refused with a clear InputError, not processed', () => {
    const text = 'we have 40 TB in HDFS '.repeat(Math.ceil((1024 * 1024) / 22));
    expect(() => ask(text)).toThrow(InputError);
    expect(() => ask(text)).toThrow(new RegExp(String(Math.round(MAX_QUESTION_CHARS / 1024))));
  });

  it.each([
    [
      'a notebook nested 100,000 arrays deep',
      'deep.ipynb',
      `{"cells": [${'['.repeat(100_000)}${']'.repeat(100_000)}]}`,
    ],
    ['a notebook that is not JSON', 'broken.ipynb', '{"cells": [{"cell_type": "code", "source": ["import torch\\n"'],
    [
      'a notebook whose cells are not cells',
      'odd.ipynb',
      '{"cells": [1, null, "x", {"source": 7}, {"source": [null, 3]}]}',
    ],
    ['a 1 MB single-line requirements file', 'requirements.txt', `torch==${'9'.repeat(1024 * 1024)}`],
    ['1 MB of control characters in a Python file', 'ctl.py', '\u0000\u0007\u001b[31m\u200b\u202e'.repeat(200_000)],
    ['a pyproject that is not TOML', 'pyproject.toml', '[project\ndependencies = ["torch>=2", \n[[[ = =\n"""'],
    ['an environment.yml that is not YAML', 'environment.yml', 'dependencies:\n  - pytorch\n    - : : [\n\t- {{{'],
    ['a YAML alias bomb (billion laughs)', 'environment.yml', aliasBomb()],
  ])('%s: reviewed or refused, never thrown', (_what, path, text) => {
    reviewsOrRefuses(addFile(path, text));
  });

  it('arbitrary Unicode, control characters and broken JSON in notebooks, TOML and YAML never throw', () => {
    const junk = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 400 }),
      fc.string({ unit: 'binary', maxLength: 400 }),
      fc.json({ depthSize: 'large' }),
      fc.stringMatching(/^[[\]{}"':,\\\n\t a-z0-9=#-]{0,400}$/),
    );
    const path = fc.constantFrom(
      'nb.ipynb',
      'pyproject.toml',
      'environment.yml',
      'Pipfile',
      'setup.cfg',
      'build.gradle.kts',
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(path, junk), { minLength: 1, maxLength: 4 }), (files) => {
        reviewsOrRefuses(files.map(([p, text]) => addFile(p, text)).join(''));
      }),
      { numRuns: 300 },
    );
  });
});
