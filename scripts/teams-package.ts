/**
 * `npm run teams:package`: builds the Teams app package (manifest.json + colour and outline icons)
 * as build/spark-or-pytorch-teams.zip, for an admin to upload. Needs MICROSOFT_APP_ID (and
 * WEBSITE_URL for the developer links).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { crc32, deflateRawSync, deflateSync } from 'node:zlib';

function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) row.set(pixel(x, y), 1 + x * 4);
    rows.push(row);
  }
  const chunk = (type: string, data: Buffer) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'ascii');
    data.copy(out, 8);
    out.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'ascii'), data])), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A minimal ZIP (deflate, no directories). */
function zip(files: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of files) {
    const compressed = deflateRawSync(data);
    const nameBuffer = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuffer.length, 26);
    locals.push(local, nameBuffer, compressed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuffer.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBuffer);
    offset += 30 + nameBuffer.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export function buildTeamsPackage(appId: string, websiteUrl: string): Buffer {
  if (!/^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(appId)) {
    throw new Error(`MICROSOFT_APP_ID must be the bot's app (client) id, a GUID; got "${appId.slice(0, 40)}"`);
  }
  const template = readFileSync(new URL('../teams/manifest.json', import.meta.url), 'utf8');
  const manifest = template
    .replaceAll('{{MICROSOFT_APP_ID}}', appId)
    .replaceAll('{{WEBSITE_URL}}', websiteUrl.replace(/\/$/, ''));
  JSON.parse(manifest);
  const orange: [number, number, number, number] = [0xe2, 0x5a, 0x1c, 0xff];
  const color = png(192, (x, y) => ((x - 96) ** 2 + (y - 96) ** 2 < 70 ** 2 ? [255, 255, 255, 255] : orange));
  const outline = png(32, (x, y) =>
    (x - 16) ** 2 + (y - 16) ** 2 < 12 ** 2 && (x - 16) ** 2 + (y - 16) ** 2 > 8 ** 2
      ? [255, 255, 255, 255]
      : [0, 0, 0, 0],
  );
  return zip([
    { name: 'manifest.json', data: Buffer.from(manifest) },
    { name: 'color.png', data: color },
    { name: 'outline.png', data: outline },
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const pkg = buildTeamsPackage(process.env.MICROSOFT_APP_ID ?? '', process.env.WEBSITE_URL ?? 'https://example.com');
    mkdirSync('build', { recursive: true });
    writeFileSync('build/spark-or-pytorch-teams.zip', pkg);
    console.log(
      `teams:package: build/spark-or-pytorch-teams.zip (${pkg.length} bytes) — upload it in Teams → Apps → Manage your apps`,
    );
  } catch (error) {
    console.error(`teams:package: ${(error as Error).message}`);
    process.exitCode = 2;
  }
}
