// Writes dist/snapshot/knowledge.json: the knowledge YAML checked and compiled into the plan the
// library loads without parsing YAML. The YAML stays the source: the snapshot records the
// fingerprint of the files it came from, and the library ignores it when they differ.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { readKnowledgeFiles } = await import(join(root, 'dist/src/knowledge/read-knowledge-files.js'));
const { fingerprintOf, SNAPSHOT_URL } = await import(join(root, 'dist/src/knowledge/snapshot.js'));
const { planKnowledgeTexts, formatIssue } = await import(join(root, 'dist/src/knowledge/load-knowledge.js'));

const texts = readKnowledgeFiles(join(root, 'knowledge'));
const planned = planKnowledgeTexts(texts);
if (!planned.ok) {
  console.error(`build-knowledge: the knowledge base has ${planned.issues.length} problem(s):`);
  for (const issue of planned.issues) console.error(`  ${formatIssue(issue)}`);
  process.exit(1);
}
const out = fileURLToPath(SNAPSHOT_URL);
mkdirSync(join(out, '..'), { recursive: true });
writeFileSync(out, JSON.stringify({ fingerprint: fingerprintOf(texts), plan: planned.plan }));
console.log('build-knowledge: dist/snapshot/knowledge.json');
