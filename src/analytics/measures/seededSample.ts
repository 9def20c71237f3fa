import { Rng } from '../../seed/generator/random';

/**
 * A seeded pseudo-random stream in [0, 1): the generator's mulberry32 (32-bit
 * state, period 2^32), so that the same seed gives the same sampled pairs and
 * paths, and so the same ranking, on every machine.
 */
export function mulberry32(seed: number): () => number {
  const rng = new Rng(seed >>> 0);
  return () => rng.next();
}
