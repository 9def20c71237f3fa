// Preloaded into the Samverkan process of bench:api to see what its RSS is made of
// at the peak (docs/performance.md, "Memory"):
//   BENCH_MEMORY_FILE=/tmp/mem.jsonl npm run bench:api -- --yes --reuse --workloads none \
//     "--samverkan-node-args=--require ./bench/api/memorySampler.cjs"
// Every 20 ms it reads process.memoryUsage() and, once a second, appends one JSON line
// with the second's maxima of rss, heapTotal, heapUsed, external and arrayBuffers (MB)
// and V8's space sizes at the second's RSS peak. Not loaded unless named.
const fs = require('node:fs');
const v8 = require('node:v8');

const file = process.env.BENCH_MEMORY_FILE;
if (file) {
  const mb = (bytes) => Math.round(bytes / 1048576);
  let max = null;
  let spaces = null;
  setInterval(() => {
    const usage = process.memoryUsage();
    if (!max || usage.rss > max.rss) spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((space) => [space.space_name, mb(space.space_size)]));
    max = max ? Object.fromEntries(Object.entries(usage).map(([key, value]) => [key, Math.max(value, max[key])])) : usage;
  }, 20).unref();
  setInterval(() => {
    if (!max) return;
    const line = { at: new Date().toISOString(), ...Object.fromEntries(Object.entries(max).map(([key, value]) => [key, mb(value)])), spaces };
    fs.appendFileSync(file, `${JSON.stringify(line)}\n`);
    max = null;
  }, 1000).unref();
}
