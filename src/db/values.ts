import neo4j from 'neo4j-driver';

/**
 * Turns what the driver returns into plain JSON-friendly values: dates become
 * `YYYY-MM-DD`, date-times ISO strings, nodes and relationships their properties.
 * Integers are already numbers (the driver runs with `disableLosslessIntegers`).
 * Arrays and plain maps are converted IN PLACE and returned: they are the
 * driver's freshly decoded rows, owned by no one else, and copying every map of
 * every row was a good part of the read path's garbage (docs/performance.md).
 */
export function toPlain(value: unknown): unknown {
  // Strings, numbers and booleans are most of what a statement returns: no type probes for them.
  if (typeof value !== 'object') return value === undefined ? null : value;
  if (value === null) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const inner: unknown = value[i];
      if (inner === undefined || (typeof inner === 'object' && inner !== null)) value[i] = toPlain(inner);
    }
    return value;
  }
  if (Object.getPrototypeOf(value) === Object.prototype) {
    const map = value as Record<string, unknown>;
    for (const key in map) {
      const inner = map[key];
      if (inner === undefined || (typeof inner === 'object' && inner !== null)) map[key] = toPlain(inner);
    }
    return map;
  }
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (neo4j.isDate(value as never)) return String(value);
  if (neo4j.isDateTime(value as never)) return new Date(String(value)).toISOString();
  if (neo4j.isLocalDateTime(value as never)) return String(value);
  if (neo4j.isNode(value as never) || neo4j.isRelationship(value as never)) {
    return toPlain((value as { properties: Record<string, unknown> }).properties);
  }
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) out[key] = toPlain(inner);
  return out;
}

/**
 * Prepares parameters for the driver: JavaScript numbers that are whole become
 * Neo4j integers (else LIMIT, SKIP and integer properties would receive floats).
 * GDS accepts an integer wherever it takes a double, so a whole-valued float
 * (a resolution of 1, say) is safe too.
 */
export function toParams(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toParams);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) out[key] = toParams(inner);
    return out;
  }
  return value;
}
