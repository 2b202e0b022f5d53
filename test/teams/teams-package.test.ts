import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  buildTeamsPackage,
  type TeamsPackageInput,
  teamsPackageInputFromEnv,
  teamsPackageProblems,
} from '../../scripts/teams-package.js';

/** Reads the entries of a ZIP by its central directory. */
function entries(zip: Buffer): Record<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const out: Record<string, Buffer> = {};
  for (let i = 0; i < count; i++) {
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const offset = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const localName = zip.readUInt16LE(offset + 26);
    out[name] = inflateRawSync(zip.subarray(offset + 30 + localName, offset + 30 + localName + size));
    at += 46 + nameLength;
  }
  return out;
}

const APP_ID = '11111111-2222-3333-4444-555555555555';
const GOOD: TeamsPackageInput = { appId: APP_ID, websiteUrl: 'https://bot.contoso.test/' };

describe('the Teams app package', () => {
  it('holds the manifest with the app id, the bot commands, and 192×192 / 32×32 icons', () => {
    const files = entries(buildTeamsPackage(GOOD));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(String(files['manifest.json']));
    expect(manifest.manifestVersion).toBe('1.17');
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0].botId).toBe(manifest.id);
    expect(manifest.bots[0].commandLists[0].commands.map((c: { title: string }) => c.title)).toEqual([
      'help',
      'compare',
      'new',
    ]);
    expect(manifest.developer).toMatchObject({
      websiteUrl: 'https://bot.contoso.test',
      privacyUrl: 'https://bot.contoso.test/privacy',
      termsOfUseUrl: 'https://bot.contoso.test/terms',
    });
    expect(JSON.stringify(manifest)).not.toContain('{{');
    for (const [name, size] of [
      ['color.png', 192],
      ['outline.png', 32],
    ] as const) {
      const png = files[name] as Buffer;
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  it('takes privacy and terms pages hosted elsewhere', () => {
    const files = entries(
      buildTeamsPackage({
        ...GOOD,
        privacyUrl: 'https://contoso.test/legal/privacy',
        termsUrl: 'https://contoso.test/legal/terms',
      }),
    );
    expect(JSON.parse(String(files['manifest.json'])).developer).toMatchObject({
      privacyUrl: 'https://contoso.test/legal/privacy',
      termsOfUseUrl: 'https://contoso.test/legal/terms',
    });
  });

  it.each([
    [{ appId: '', websiteUrl: '' }, ['MICROSOFT_APP_ID is not set', 'WEBSITE_URL is not set']],
    [{ appId: 'my-bot', websiteUrl: 'https://x.test' }, ["MICROSOFT_APP_ID must be the bot's app (client) id, a GUID"]],
    [{ appId: `${APP_ID}0`, websiteUrl: 'https://x.test' }, ['MICROSOFT_APP_ID must be']],
    [{ appId: APP_ID, websiteUrl: 'notaurl' }, ['WEBSITE_URL is not a URL: "notaurl"']],
    [{ appId: APP_ID, websiteUrl: 'http://bot.contoso.test' }, ['WEBSITE_URL must use https']],
    [{ appId: APP_ID, websiteUrl: 'https://example.com' }, ['WEBSITE_URL is a placeholder (example.com)']],
    [
      { appId: APP_ID, websiteUrl: 'https://admin:pw@bot.contoso.test' },
      ['WEBSITE_URL must not hold a user name or password'],
    ],
    [
      { ...GOOD, privacyUrl: 'ftp://contoso.test/p', termsUrl: 'terms' },
      ['PRIVACY_URL must use https', 'TERMS_URL is not a URL'],
    ],
    [
      { ...GOOD, termsUrl: `https://contoso.test/${'t'.repeat(2100)}` },
      ['TERMS_URL is longer than the 2,048 characters'],
    ],
  ] as [TeamsPackageInput, string[]][])('%j is refused, every problem named', (input, expected) => {
    const problems = teamsPackageProblems(input);
    expect(problems).toHaveLength(expected.length);
    expected.forEach((start, i) => {
      expect(problems[i]).toContain(start);
    });
    expect(() => buildTeamsPackage(input)).toThrow(expected[0]);
  });

  it('reads the variables, an empty one as unset', () => {
    expect(
      teamsPackageInputFromEnv({ MICROSOFT_APP_ID: ` ${APP_ID} `, WEBSITE_URL: 'https://a.test', PRIVACY_URL: '' }),
    ).toEqual({
      appId: APP_ID,
      websiteUrl: 'https://a.test',
    });
  });
});

describe('npm run teams:package', () => {
  const script = fileURLToPath(new URL('../../scripts/teams-package.ts', import.meta.url));
  const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

  function runScript(env: Record<string, string>) {
    const cwd = mkdtempSync(join(tmpdir(), 'teams-package-'));
    const { PATH, HOME } = process.env;
    const result = spawnSync(tsx, [script], { cwd, encoding: 'utf8', env: { PATH, HOME, ...env } });
    const written = existsSync(join(cwd, 'build/spark-or-pytorch-teams.zip'));
    rmSync(cwd, { recursive: true, force: true });
    return { ...result, written };
  }

  it('writes nothing and exits 2 without WEBSITE_URL (no silent example.com)', () => {
    const result = runScript({ MICROSOFT_APP_ID: APP_ID });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('WEBSITE_URL is not set');
    expect(result.written).toBe(false);
  });

  it('writes the zip when every value is right', () => {
    const result = runScript({ MICROSOFT_APP_ID: APP_ID, WEBSITE_URL: 'https://bot.contoso.test' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.written).toBe(true);
  });
});
