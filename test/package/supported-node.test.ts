/**
 * A supported Node: the Docker image on an active LTS line; `engines` still admits the Node 20 the
 * development machines run, and CI tests that lowest version as well as the image's.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('Node versions', () => {
  const froms = read('Dockerfile')
    .split('\n')
    .filter((l) => l.startsWith('FROM '));
  const imageMajors = froms.map((l) => Number(l.match(/^FROM node:(\d+)/)?.[1]));

  it('the image builds and runs on one LTS line that is not past end of life (22 or 24)', () => {
    expect(froms).toHaveLength(2);
    expect(new Set(imageMajors).size).toBe(1);
    expect([22, 24]).toContain(imageMajors[0]);
  });

  it('engines admits the Node running these tests, and CI runs both its lowest line and the image line', () => {
    const engines = JSON.parse(read('package.json')).engines.node as string;
    const [major, minor] = engines
      .replace(/^>=\s*/, '')
      .split('.')
      .map(Number) as [number, number];
    const [runningMajor, runningMinor] = process.versions.node.split('.').map(Number) as [number, number];
    expect(runningMajor > major || (runningMajor === major && runningMinor >= minor)).toBe(true);
    const matrix = read('.github/workflows/ci.yml')
      .match(/node: \[([^\]]+)\]/)?.[1]
      ?.split(',')
      .map(Number);
    expect(matrix).toEqual(expect.arrayContaining([major, imageMajors[0]]));
  });

  it('the image carries the /privacy and /terms text', () => {
    expect(read('Dockerfile')).toContain('COPY --from=build --chown=node:node /app/legal ./legal');
  });
});
