/**
 * A seeded pseudo-random generator (mulberry32: 32-bit state, full period 2^32)
 * and a uniform sample without replacement drawn with it, so that the same seed
 * gives the same sampled sources, and so the same ranking, on every machine.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `k` distinct numbers from 0..n−1, each k-subset equally likely (the first k
 * steps of a Fisher–Yates shuffle). With k ≥ n every number, in order.
 */
export function sampleWithoutReplacement(n: number, k: number, seed: number): Int32Array {
  const all = new Int32Array(n);
  for (let i = 0; i < n; i += 1) all[i] = i;
  if (k >= n) return all;
  const random = mulberry32(seed);
  for (let i = 0; i < k; i += 1) {
    const j = i + Math.floor(random() * (n - i));
    const swap = all[i];
    all[i] = all[j];
    all[j] = swap;
  }
  return all.slice(0, k);
}
