// Spawned fresh by first-ask.bench.ts: how long importing the built library and its first answer take.
const t0 = performance.now();
const { ask } = await import('../dist/src/index.js');
const t1 = performance.now();
ask('We keep 3 TB of clickstream in Delta on Databricks and want to train a PyTorch recommender on two A100s.');
const t2 = performance.now();
process.stdout.write(JSON.stringify({ importMs: t1 - t0, firstAskMs: t2 - t1 }));
