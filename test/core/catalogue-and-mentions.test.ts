import { describe, expect, it } from 'vitest';
import { ask, extractFacts, featuresOf, type KnowledgeBase, loadKnowledgeTexts } from '../../src/index.js';
import { readKnowledgeFiles } from '../../src/knowledge/read-knowledge-files.js';

/** The bundled knowledge with a small catalogue of our own, so these tests do not follow the data's growth. */
const CATALOGUE = `
catalogue:
  - { id: t-spark, name: Spark, aliases: [spark, pyspark], role: spark, source: "https://spark.apache.org/docs/latest/" }
  - { id: t-spark-nlp, name: Spark NLP, aliases: [spark nlp], role: spark-library, source: "https://sparknlp.org/docs/en/quickstart" }
  - { id: t-tensorflow, name: TensorFlow, aliases: [tensorflow], role: other-deep-learning, source: "https://www.tensorflow.org/guide" }
  - { id: t-duckdb, name: DuckDB, aliases: [duckdb], role: single-machine-engine, source: "https://duckdb.org/docs/" }
  - { id: t-databricks, name: Databricks, aliases: [databricks], role: managed-platform, source: "https://docs.databricks.com/", signals: [infra.spark_existing] }
  - { id: t-a100, name: NVIDIA A100, aliases: [a100, a100s], role: gpu, memoryGb: 40, source: "https://www.nvidia.com/en-us/data-center/a100/" }
  - { id: t-kafka, name: Kafka, aliases: [kafka, apache kafka], role: streaming, source: "https://kafka.apache.org/documentation/" }
`;
function knowledge(): KnowledgeBase {
  const files = readKnowledgeFiles().filter((f) => !f.file.startsWith('knowledge/catalogue/'));
  const result = loadKnowledgeTexts([...files, { file: 'knowledge/catalogue/test.yaml', text: CATALOGUE }]);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.knowledge;
}
const kb = knowledge();
const facts = (text: string) => extractFacts(text, kb).facts;
const signals = (text: string) => new Set(facts(text).map((f) => f.signal));
const toolStatus = (text: string, tool: string) => facts(text).find((f) => f.tool === tool)?.status;

describe('named products come from the catalogue, matched before the phrases', () => {
  it('matches the longest name first and never a shorter one inside it', () => {
    const found = facts('We tag entities with Spark NLP today').filter((f) => f.tool !== undefined);
    expect(new Set(found.map((f) => f.tool))).toEqual(new Set(['t-spark-nlp']));
    expect(found[0]?.evidence).toBe('Spark NLP');
  });

  it('a phrase inside a product name does not fire ("tensor" in TensorFlow)', () => {
    expect(signals('our TensorFlow models')).not.toContain('task.tensor_compute');
    expect(signals('custom tensor operations')).toContain('task.tensor_compute');
  });

  it('a signal phrase that spells the name holds through the name (Kafka → streaming)', () => {
    const kafka = facts('events come from Kafka').filter((f) => f.signal === 'task.streaming');
    expect(kafka.map((f) => f.tool)).toEqual(['t-kafka']);
  });

  it('an entry can assert signals of its own (Databricks → a Spark platform)', () => {
    expect(signals('we are on Databricks')).toContain('infra.spark_existing');
  });

  it('reports an alias claimed by two entries, with file and path', () => {
    const twice = `${CATALOGUE}  - { id: t-other, name: Other, aliases: [duckdb], role: single-machine-engine, source: "https://example.org/" }\n`;
    const files = readKnowledgeFiles().filter((f) => !f.file.startsWith('knowledge/catalogue/'));
    const result = loadKnowledgeTexts([...files, { file: 'knowledge/catalogue/test.yaml', text: twice }]);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues.map((i) => i.message).join()).toMatch(/alias "duckdb" is already used by t-duckdb/);
  });
});

describe('a mention carries its status', () => {
  it.each([
    ['We want to drop our PySpark dependency for something that runs on Windows', 't-spark', 'replacing'],
    ['we are migrating off Databricks next year', 't-databricks', 'replacing'],
    ['we currently run Databricks for every job', 't-databricks', 'current'],
    ['our existing Spark cluster handles the ETL', 't-spark', 'current'],
    ['should we use DuckDB for this?', 't-duckdb', 'requested'],
    ['no Spark please, the team is tiny', 't-spark', 'rejected'],
    ['do we even need Spark for 20 GB?', 't-spark', 'hypothetical'],
    ['the results feed into Kafka downstream', 't-kafka', 'stage'],
    ['Spark is what I keep hearing about', 't-spark', 'mentioned'],
  ])('%j → %s %s', (text, tool, status) => {
    expect(toolStatus(text, tool)).toBe(status);
  });

  it.each([
    ['Spark, DuckDB, or something else?', 'requested'],
    ['Should we use Spark, Kafka or DuckDB here?', 'requested'],
    ['We run Spark and DuckDB today', 'current'],
  ])('names joined in one list share its cue: %j → every name %s', (text, status) => {
    const listed = facts(text).filter((f) => f.tool !== undefined);
    expect(listed.length).toBeGreaterThanOrEqual(2);
    for (const f of listed) expect(f.status, f.tool).toBe(status);
  });

  it("names not joined by a list stay apart: the cue of one is not the other's", () => {
    const text = 'We run Spark in production, and someone proposed DuckDB';
    expect(toolStatus(text, 't-spark')).toBe('current');
    expect(toolStatus(text, 't-duckdb')).toBe('requested');
  });

  it('a cue does not reach past another name: what replaces Spark is not itself being replaced', () => {
    const text = 'We are replacing Spark with DuckDB';
    expect(toolStatus(text, 't-spark')).toBe('replacing');
    expect(toolStatus(text, 't-duckdb')).toBe('mentioned');
    expect(toolStatus('should we ditch Spark?', 't-spark')).toBe('hypothetical');
  });

  it('an answer about one stage says what the other stages use', () => {
    const r = ask('We clean 30 TB of logs with nightly joins and the results feed into Kafka downstream', {
      knowledge: kb,
    });
    expect(r.summary).toMatch(/other stages of the pipeline keep Kafka/);
  });

  it('a product being replaced or rejected is no fact for the criteria, but the model sees it', () => {
    const given = extractFacts('We want to drop our Databricks dependency', kb);
    const { counted, features } = featuresOf(kb, given);
    expect(counted.facts.map((f) => f.signal)).not.toContain('infra.spark_existing');
    expect([...features.keys()]).toContain('s:tool.managed-platform@replacing');
  });
});

describe('scale is measured against the machine the asker names', () => {
  it.each([
    ['20 GB of parquet on a box with 64 GB RAM', 'scale.fits_named_machine'],
    ['200 GB of parquet on a box with 64 GB RAM', 'scale.exceeds_named_machine'],
  ])('%j → %s', (text, signal) => {
    expect(signals(text)).toContain(signal);
  });

  it('neither relative level when the data is about the size of memory', () => {
    const s = signals('35 GB of parquet on a box with 64 GB RAM');
    expect(s).not.toContain('scale.fits_named_machine');
    expect(s).not.toContain('scale.exceeds_named_machine');
  });

  it('"runs out of memory" is a symptom; it does not override a measured size', () => {
    const s = signals('pandas runs out of memory on our 35 GB table');
    expect(s).toContain('symptom.out_of_memory');
    expect(s).toContain('scale.small');
    expect(s).not.toContain('scale.exceeds_memory');
  });

  it('a model is measured against the memory of the accelerator named', () => {
    expect(signals('fine-tune a 7B model on 8 A100s')).toContain('model.exceeds_gpu');
    expect(signals('fine-tune a 300M model on 8 A100s')).not.toContain('model.exceeds_gpu');
  });

  it('a rate is not a size', () => {
    const s = signals('the API gets 5k requests per second');
    expect(s).toContain('rate.high');
    expect(s).not.toContain('scale.large');
  });
});

describe('facts stay small whatever the input', () => {
  it.each([
    ['sizes', Array.from({ length: 40_000 }, (_, i) => `${i} TB`).join(' ')],
    ['product names', 'pyspark duckdb kafka databricks '.repeat(7_000)],
    ['phrases', 'we join and aggregate and train a neural network '.repeat(5_000)],
  ])('256 KiB of %s → facts ≤ 32 KiB, answer ≤ 64 KiB', (_name, text) => {
    const input = text.slice(0, 256 * 1024);
    const r = ask(input, { knowledge: kb });
    expect(Buffer.byteLength(JSON.stringify(r.facts))).toBeLessThanOrEqual(32 * 1024);
    expect(Buffer.byteLength(JSON.stringify(r))).toBeLessThanOrEqual(64 * 1024);
    // repeated mentions merge: a few quotes per signal, not one per occurrence
    const perSignal = new Map<string, number>();
    for (const f of r.facts.facts) perSignal.set(f.signal, (perSignal.get(f.signal) ?? 0) + 1);
    expect(Math.max(...perSignal.values())).toBeLessThanOrEqual(3);
  });
});
