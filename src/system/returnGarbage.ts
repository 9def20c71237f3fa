import v8 from 'node:v8';
import vm from 'node:vm';

let fullCollection: (() => void) | null = null;

/**
 * One compacting full garbage collection, so that the memory a large one-off
 * piece of work left behind goes back to the system now rather than whenever
 * V8's memory reducer gets to it. Building the collaboration index of a
 * 100k-actor city leaves about 270 MB of garbage (the driver's decoded rows)
 * among the index's own strings; an idle service allocates too little to
 * trigger a collection, and the memory reducer took 100–200 s to return it
 * (442 MB RSS until then, 169 MB after). A plain full collection frees the
 * garbage but keeps the pages the surviving strings are scattered over (RSS
 * stayed at 350 MB); compacting moves them together and releases the rest.
 * Call it only after such work, never per request: it pauses the process
 * (tens of milliseconds at that size).
 *
 * V8 offers `gc` only under --expose-gc; setting the flag at run time and taking
 * `gc` from a fresh context is how jest's leak detector does it.
 */
export function returnGarbage(): void {
  if (!fullCollection) {
    v8.setFlagsFromString('--expose-gc');
    fullCollection = vm.runInNewContext('gc') as () => void;
  }
  v8.setFlagsFromString('--compact-on-every-full-gc');
  try {
    fullCollection();
  } finally {
    v8.setFlagsFromString('--no-compact-on-every-full-gc');
  }
}
