import DataLoader from 'dataloader';

/**
 * Loaders for a field with arguments: one DataLoader per distinct argument set,
 * created on first use within the request, so that e.g. every actor's
 * `collaborations(asOf: "2022-01-01")` in one query shares one batch.
 */
export function loaderFamily<A, K, V>(create: (args: A) => DataLoader<K, V>): (args: A) => DataLoader<K, V> {
  const loaders = new Map<string, DataLoader<K, V>>();
  return (args: A) => {
    const key = JSON.stringify(args);
    let loader = loaders.get(key);
    if (!loader) {
      loader = create(args);
      loaders.set(key, loader);
    }
    return loader;
  };
}

/**
 * Orders grouped rows by the keys a batch was asked for: the batch contract
 * (same length, same order, an empty list for a key with no rows).
 */
export function groupByKeys<K, R, V>(keys: readonly K[], rows: R[], keyOf: (row: R) => K, valueOf: (row: R) => V): V[][] {
  const groups = new Map<K, V[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(valueOf(row));
    else groups.set(key, [valueOf(row)]);
  }
  return keys.map((key) => groups.get(key) ?? []);
}

/** Like groupByKeys for one value per key; missing keys get `fallback`. */
export function oneByKeys<K, R, V>(keys: readonly K[], rows: R[], keyOf: (row: R) => K, valueOf: (row: R) => V, fallback: V): V[] {
  const map = new Map(rows.map((row) => [keyOf(row), valueOf(row)]));
  return keys.map((key) => (map.has(key) ? (map.get(key) as V) : fallback));
}
