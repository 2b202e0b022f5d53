import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildTeamsPackage } from '../../scripts/teams-package.js';

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

describe('the Teams app package', () => {
  it('holds the manifest with the app id, the bot commands, and 192×192 / 32×32 icons', () => {
    const files = entries(buildTeamsPackage('11111111-2222-3333-4444-555555555555', 'https://bot.example.com/'));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(String(files['manifest.json']));
    expect(manifest.manifestVersion).toBe('1.17');
    expect(manifest.id).toBe('11111111-2222-3333-4444-555555555555');
    expect(manifest.bots[0].botId).toBe(manifest.id);
    expect(manifest.bots[0].commandLists[0].commands.map((c: { title: string }) => c.title)).toEqual([
      'help',
      'compare',
      'new',
    ]);
    expect(manifest.developer.privacyUrl).toBe('https://bot.example.com/privacy');
    for (const [name, size] of [
      ['color.png', 192],
      ['outline.png', 32],
    ] as const) {
      const png = files[name] as Buffer;
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  it('refuses an app id that is not a GUID', () => {
    expect(() => buildTeamsPackage('my-bot', 'https://x')).toThrow(/must be the bot's app \(client\) id, a GUID/);
  });
});
