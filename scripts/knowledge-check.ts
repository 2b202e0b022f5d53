/** `npm run knowledge:check`: validates every knowledge file and lists every problem at once. */
import { formatIssue, loadKnowledgeTexts } from '../src/index.js';
import { readKnowledgeFiles } from '../src/knowledge/read-knowledge-files.js';

const files = readKnowledgeFiles(process.argv[2]);
const result = loadKnowledgeTexts(files);
if (result.ok) {
  const kb = result.knowledge;
  console.log(
    `knowledge ok: ${files.length} files, ${kb.signals.size} signals, ${kb.criteria.length} criteria, ` +
      `${kb.followUps.length} follow-ups, ${kb.dimensions.length} dimensions, ${kb.frameworks.length} frameworks`,
  );
} else {
  console.error(`knowledge has ${result.issues.length} problem(s):`);
  for (const issue of result.issues) console.error(`  ${formatIssue(issue)}`);
  process.exitCode = 1;
}
