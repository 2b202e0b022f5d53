import { describe, expect, it } from 'vitest';
import { ask, bundledKnowledge, extractFacts, RecommendationSchema, recommend } from '../../src/index.js';

describe('verdicts', () => {
  it.each([
    ['We have 40 TB of clickstream in HDFS and need nightly joins', 'spark'],
    ['nightly aggregations over 3 PB of logs on our YARN cluster', 'spark'],
    ['forecast per store for 20k stores, the sales history is 2 TB in Delta', 'spark'],
    ['fine-tune a 7B model on our 8 A100s, data is 30 GB of text', 'pytorch'],
    ['we need predictions under 20 ms per request from our transformer model', 'pytorch'],
    ['research on a custom attention layer, training on a single GPU', 'pytorch'],
    ['score our 2B-row Hive table with a trained PyTorch model every night', 'both'],
    ['40 TB of events in S3: heavy feature engineering, then train a deep recommender on the result', 'both'],
    // (a bare "Kafka events scored by BERT within seconds" is a coin toss between both and a plain
    // consumer with a model server: real threads answer it both ways)
    [
      'Our Spark Structured Streaming job reads Kafka events and must score each micro-batch with our BERT model within a few seconds',
      'both',
    ],
    ['we have 2 GB of CSVs and need some aggregations', 'neither'],
    ['XGBoost churn model on 5 million rows', 'neither'],
    ['a Python pipeline with CPU preprocessing then GPU inference, on Ray', 'neither'],
    ['Should we use Spark or PyTorch?', 'unclear'],
    ['which one is better for our team?', 'unclear'],
  ])('%s → %s', (text, verdict) => {
    expect(ask(text).verdict).toBe(verdict);
  });

  it('every answer matches the public Recommendation schema', () => {
    const r = ask('We have 40 TB of clickstream in HDFS and need nightly joins');
    expect(RecommendationSchema.parse(r)).toEqual(r);
  });
});

describe('reasons quote the asker and cite sources', () => {
  it('each reason carries evidence from the question and a source URL', () => {
    const text = 'We have 40 TB of clickstream in HDFS and need nightly joins';
    const r = ask(text);
    expect(r.reasons.length).toBeGreaterThan(0);
    for (const reason of r.reasons) {
      expect(reason.source).toMatch(/^https?:\/\//);
      for (const quote of reason.evidence.match(/“([^”]+)”/g) ?? []) expect(text).toContain(quote.slice(1, -1));
    }
    expect(r.reasons[0]?.evidence).toMatch(/40 TB|joins/);
  });

  it('neither names what to use instead; both names the bridge', () => {
    expect(ask('we have 2 GB of CSVs and need aggregations').alternatives.map((a) => a.id)).toContain('duckdb');
    expect(
      ask('score our 2B-row Hive table with a trained PyTorch model every night').bridges.map((b) => b.id),
    ).toContain('predict-batch-udf');
  });

  it('online serving points past the archived TorchServe', () => {
    const r = ask('serve our vision model behind a REST API at 30 ms p99');
    expect(r.serving.map((s) => s.id)).toEqual(expect.arrayContaining(['triton', 'ray-serve', 'kserve']));
  });
});

describe('confidence means something', () => {
  it('is lower when signals conflict than when they agree', () => {
    const clear = ask('We have 40 TB in HDFS and need nightly joins and aggregations');
    const mixed = ask('We have 40 TB in HDFS and need nightly joins, but the data fits in RAM after filtering');
    expect(clear.confidence).toBeGreaterThan(mixed.confidence);
  });

  it('is low when the answer is unclear', () => {
    expect(ask('Spark or PyTorch for our project?').confidence).toBeLessThan(0.4);
  });
});

describe('unclear asks at most three questions, and answers move the verdict', () => {
  const first = ask('Should we use Spark or PyTorch?');

  it('asks questions with quick answers', () => {
    expect(first.verdict).toBe('unclear');
    expect(first.followUps.length).toBeGreaterThan(0);
    expect(first.followUps.length).toBeLessThanOrEqual(3);
    for (const f of first.followUps) expect(f.options?.length).toBeGreaterThanOrEqual(2);
  });

  it.each([
    [{ 'data-size': 'terabytes', 'main-job': 'transform-data' }, 'spark'],
    [{ 'data-size': 'fits-one-machine', 'main-job': 'transform-data' }, 'neither'],
    [{ 'data-size': 'fits-one-machine', 'main-job': 'train-network' }, 'pytorch'],
    [{ 'data-size': 'terabytes', 'main-job': 'score-with-network' }, 'both'],
  ])('answers %j → %s', (answers, verdict) => {
    expect(ask('', { context: first.facts, answers }).verdict).toBe(verdict);
  });

  it('a thread reply refines the earlier facts', () => {
    const reply = ask('it is about 30 TB of logs and we need joins', { context: first.facts });
    expect(reply.verdict).toBe('spark');
    const correction = ask('actually only 2 GB after filtering', { context: reply.facts });
    expect(correction.verdict).toBe('neither');
  });

  it('an unknown answer is a clear error', () => {
    expect(() => ask('', { answers: { 'data-size': 'gigantic' } })).toThrow(/not an answer to data-size/);
  });
});

describe('the engine is driven by the knowledge data', () => {
  it('a new criterion in data changes the verdict without engine changes', () => {
    const kb = bundledKnowledge();
    const facts = extractFacts('we need it on a single GPU for research on a custom attention layer', kb);
    const before = recommend(kb, facts);
    const extra = {
      ...kb,
      criteria: [
        ...kb.criteria,
        {
          id: 'test.research-means-neither',
          title: 'Test',
          favours: 'neither',
          weight: 10,
          when: { all: ['task.research'], any: [], none: [] },
          explanation: 'a test criterion that always wins',
          sources: ['https://example.org/'],
          suggests: [],
        },
      ],
    };
    expect(before.verdict).toBe('pytorch');
    expect(recommend(extra, facts).verdict).toBe('neither');
  });
});
