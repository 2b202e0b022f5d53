// Loaded into bench:load's servers with `node --expose-gc --import`: on SIGUSR2 a full garbage
// collection, then one stderr line with what is still live. Not part of the product.
process.on('SIGUSR2', () => {
  globalThis.gc?.();
  const { heapUsed, rss } = process.memoryUsage();
  process.stderr.write(`${JSON.stringify({ msg: 'heap-probe', heapUsed, rss })}\n`);
});
