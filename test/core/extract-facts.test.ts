import { describe, expect, it } from 'vitest';
import { bundledKnowledge, extractFacts } from '../../src/index.js';

const kb = bundledKnowledge();
const signals = (text: string) => new Set(extractFacts(text, kb).facts.map((f) => f.signal));
const negated = (text: string) => new Set(extractFacts(text, kb).negated.map((f) => f.signal));
const measure = (text: string, id: string) => extractFacts(text, kb).measurements.find((m) => m.measure === id);

describe('sizes, counts and latencies as people write them', () => {
  it.each([
    ['~40TB of clickstream', 'data_bytes', 40e12, '40TB'],
    ['about 2 GB of CSVs', 'data_bytes', 2e9, '2 GB'],
    ['a few hundred gigs of parquet', 'data_bytes', 300e9, 'a few hundred gigs'],
    ['1.5 PB in the lake', 'data_bytes', 1.5e15, '1.5 PB'],
    ['tens of terabytes', 'data_bytes', 30e12, 'tens of terabytes'],
    ['petabytes of logs', 'data_bytes', 3e15, 'petabytes'],
    ['between 10-20 TB', 'data_bytes', 20e12, '20 TB'],
    ['10k rows', 'rows', 10e3, '10k rows'],
    ['2.5 million records', 'rows', 2.5e6, '2.5 million records'],
    ['billions of events', 'rows', 3e9, 'billions of events'],
    ['our 2B-row Hive table', 'rows', 2e9, '2B-row'],
    ['8 A100s', 'gpus', 8, '8 A100s'],
    ['a single GPU', 'gpus', 1, 'a single GPU'],
    ['fine-tune a 7B model', 'params', 7e9, '7B model'],
    ['a 70 billion parameter model', 'params', 70e9, '70 billion parameter'],
    ['p99 under 50ms', 'latency_ms', 50, '50ms'],
    ['answers within 2 seconds', 'latency_ms', 2000, '2 seconds'],
    ['1 trillion tokens', 'data_bytes', 4e12, '1 trillion tokens'],
  ])('%j → %s', (text, id, value, evidence) => {
    const m = measure(text, id);
    expect(m?.value).toBeCloseTo(value, -Math.log10(value) + 6);
    expect(m?.evidence).toBe(evidence);
  });

  it.each([
    ['8x A100 80GB', 'data_bytes'],
    ['a box with 512 GB RAM', 'data_bytes'],
    ['each epoch takes 30 seconds', 'latency_ms'],
    ['Spark 3.4 and Python 3.11', 'data_bytes'],
    ['back in the 1990s', 'rows'],
  ])('%j is not a %s', (text, id) => {
    expect(measure(text, id)).toBeUndefined();
  });

  it.each([
    ['500 GB', 'scale.medium'],
    ['3 TB', 'scale.large'],
    ['20 GB', 'scale.small'],
    ['fits in RAM', 'scale.small'],
    ['it does not fit in memory', 'scale.exceeds_memory'],
    ['2 billion rows', 'scale.large'],
    ['8 GPUs', 'hardware.multi_gpu'],
    ['a 13B model', 'model.exceeds_gpu'],
    ['under 100 ms per request', 'latency.online'],
  ])('%j sets %s', (text, signal) => {
    expect(signals(text)).toContain(signal);
  });
});

describe('negation, doubt and contrast', () => {
  it.each([
    ["we don't have GPUs", 'hardware.no_gpu', 'hardware.gpu'],
    ['no GPUs at all', 'hardware.no_gpu', 'hardware.gpu'],
    ['GPUs are not available to us', 'hardware.no_gpu', 'hardware.gpu'],
    ['the data does not fit in memory', 'scale.exceeds_memory', 'scale.small'],
  ])('%j asserts %s and negates %s', (text, asserted, denied) => {
    expect(signals(text)).toContain(asserted);
    expect(signals(text)).not.toContain(denied);
    expect(negated(text)).toContain(denied);
  });

  it.each([
    ['not training, only inference', 'task.training', 'task.inference'],
    ['no Hadoop, just S3 and parquet', 'infra.hadoop', 'infra.lake'],
    ['we are not doing any training but we need predictions', 'task.training', 'task.inference'],
    ['no kafka and we run batch', 'task.streaming', 'latency.batch'],
  ])('%j drops %s and keeps %s', (text, dropped, kept) => {
    const found = signals(text);
    expect(found).not.toContain(dropped);
    expect(found).toContain(kept);
  });

  it.each([
    ['not sure if we need GPUs', 'hardware.gpu', 'hardware.no_gpu'],
    ["we don't know whether Hadoop stays", 'infra.hadoop', 'infra.hadoop'],
  ])('doubt (%j) neither asserts nor negates', (text, a, b) => {
    expect(signals(text)).not.toContain(a);
    expect(signals(text)).not.toContain(b);
    expect(negated(text)).not.toContain(a);
  });

  it('"not only ETL" still asserts ETL', () => {
    expect(signals('not only ETL but also some training')).toContain('task.etl');
  });
});

describe('infrastructure and workloads', () => {
  it.each([
    ['our Hive tables on the Cloudera cluster', 'infra.hadoop'],
    ['data sits in HDFS', 'infra.hadoop'],
    ['we run on YARN', 'infra.hadoop'],
    ['we are on Databricks', 'infra.spark_existing'],
    ['jobs on EMR', 'infra.spark_existing'],
    ['Delta tables in the lakehouse', 'infra.lake'],
    ['everything is in Snowflake', 'infra.warehouse'],
    ['BigQuery', 'infra.warehouse'],
    ['we deploy on k8s', 'infra.kubernetes'],
    ['the HPC cluster uses Slurm', 'infra.slurm'],
    ['a Ray cluster', 'infra.ray'],
    ['ETL every night', 'task.etl'],
    ['a few joins and group by', 'task.joins_aggregations'],
    ['streaming from Kafka', 'task.streaming'],
    ['fine-tuning Llama', 'task.fine_tuning'],
    ['batch inference over the table', 'task.inference_batch'],
    ['an XGBoost model', 'model.classic'],
    ['a ResNet image classifier', 'model.neural'],
    ['RAPIDS to accelerate joins on GPUs', 'hardware.gpu_for_etl'],
    ['real-time inference behind a REST API', 'latency.online'],
    ['we only have CPUs', 'hardware.no_gpu'],
  ])('%j → %s', (text, signal) => {
    expect(signals(text)).toContain(signal);
  });

  it('keeps the span of the words that triggered each fact', () => {
    const text = 'We keep ~40TB in HDFS and need nightly joins';
    for (const fact of extractFacts(text, kb).facts) {
      expect(text.slice(fact.start, fact.end)).toBe(fact.evidence);
    }
  });
});
