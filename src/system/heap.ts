import v8 from 'node:v8';
import vm from 'node:vm';
import type { Logger } from '../logger';

/**
 * How the processes use V8's heap: the service, the import command and the
 * memory benchmark share these three instead of each setting flags of its own.
 */

/**
 * Let the heap grow only 30 % past what the last full collection found alive.
 * V8's default lets it reach several times that, and the RSS with it: many
 * requests at once (or a million import rows) each keep their objects alive
 * across awaits. It is not a limit: a larger live set still gets its heap
 * (docs/performance.md, docs/import.md: 353 → 193 MB at 32 concurrent area
 * pages; a 1M-row import's first pass 204 → 166 MB).
 */
export function limitHeapGrowth(): void {
  v8.setFlagsFromString('--heap-growing-percent=30');
}

let exposedGc: (() => void) | null = null;

/**
 * A full collection. V8 offers `gc` only under --expose-gc; setting the flag at
 * run time and taking `gc` from a fresh context is how jest's leak detector does it.
 */
export function fullCollection(): void {
  if (!exposedGc) {
    exposedGc = (globalThis as { gc?: () => void }).gc ?? null;
    if (!exposedGc) {
      v8.setFlagsFromString('--expose-gc');
      exposedGc = vm.runInNewContext('gc') as () => void;
    }
  }
  exposedGc();
}

/**
 * One compacting full collection, so that the memory a large one-off piece of
 * work left behind goes back to the system now rather than whenever V8's memory
 * reducer gets to it. Building the collaboration index of a 100k-actor city
 * leaves about 270 MB of garbage (the driver's decoded rows) among the index's
 * own strings; an idle service allocates too little to trigger a collection,
 * and the memory reducer took 100–200 s to return it (442 MB RSS until then,
 * 169 MB after). A plain full collection frees the garbage but keeps the pages
 * the surviving strings are scattered over (RSS stayed at 350 MB); compacting
 * moves them together and releases the rest. Only after such work, never per
 * request: it pauses the process (362 ms at that size).
 */
export function returnGarbage(): void {
  v8.setFlagsFromString('--compact-on-every-full-gc');
  try {
    fullCollection();
  } finally {
    v8.setFlagsFromString('--no-compact-on-every-full-gc');
  }
}

/**
 * returnGarbage once the work's promise chain has let go of its objects (2 s later), with the pause logged. Returns
 * a cancel: a service that stops must not pause the process afterwards (the integration tier runs many apps in one
 * process, where a collection left behind by one paused the next file's first query past its 5 s connect bound).
 */
export function returnGarbageSoon(logger: Logger, what: string): () => void {
  const timer = setTimeout(() => {
    const started = performance.now();
    returnGarbage();
    logger.debug(`${what}: garbage returned`, { pauseMs: Math.round(performance.now() - started) });
  }, 2000);
  timer.unref();
  return () => clearTimeout(timer);
}
