/**
 * What the authentication benchmark sends and checks: the queries, the variants, and
 * batches of requests whose every answer must be 200 without errors and, for the
 * ANALYST variants, exactly the baseline's data.
 */

// The README's example "Who is active in Rosengård, and with whom do they work?", and a list page.
export const QUERIES = [
  {
    name: 'Rosengård area page (README)',
    document: `{
  area(id: "area-rosengard") {
    name
    parent { name }
    actors(asOf: "2022-06-01", first: 3) {
      totalCount
      nodes {
        name
        sector
        collaborations(asOf: "2022-06-01", first: 2) {
          totalCount
          edges { partner { name sector } node { kind since strength } }
        }
      }
    }
  }
}`,
  },
  { name: 'actors list page', document: '{ actors(first: 50) { nodes { id name sector } } }' },
];

export type VariantName = 'off' | 'dev-admin' | 'token' | 'key';
export const VARIANTS: VariantName[] = ['off', 'token', 'key', 'dev-admin'];
/** Variants whose data must equal the baseline's: the same role, ANALYST. */
const ANALYST_VARIANTS = new Set<VariantName>(['off', 'token', 'key']);

export interface Target {
  url: string;
  headers: Record<string, string>;
}

export interface Batch {
  wallMs: number;
  latencies: number[];
}

export class WrongResponse extends Error {}

/** The first response of each query and variant; every later one must match it byte for byte. */
export const expected = new Map<string, string>();

export function check(variant: VariantName, query: string, status: number, text: string): void {
  const key = `${query}\u0000${variant}`;
  const known = expected.get(key);
  if (text === known) return;
  const body = JSON.parse(text) as { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  if (status !== 200 || body.errors?.length) {
    const first = body.errors?.[0];
    throw new WrongResponse(`${variant}, ${query}: HTTP ${status}, ${first?.extensions?.code ?? ''} ${first?.message ?? text.slice(0, 200)}`);
  }
  if (known !== undefined) throw new WrongResponse(`${variant}, ${query}: the data changed between two requests`);
  if (ANALYST_VARIANTS.has(variant) && variant !== 'off') {
    const baseline = expected.get(`${query}\u0000off`);
    if (baseline !== text) throw new WrongResponse(`${variant}, ${query}: the data differ from the baseline's (off)`);
  }
  expected.set(key, text);
}

/** `requests` POSTs with `concurrency` in flight, over keep-alive connections (undici's default agent). */
export async function runBatch(variant: VariantName, target: Target, query: (typeof QUERIES)[number], requests: number, concurrency: number): Promise<Batch> {
  const body = JSON.stringify({ query: query.document });
  const headers = { 'content-type': 'application/json', ...target.headers };
  const latencies: number[] = [];
  let started = 0;
  const worker = async (): Promise<void> => {
    while (started < requests) {
      started += 1;
      const sent = performance.now();
      const response = await fetch(target.url, { method: 'POST', headers, body });
      const text = await response.text();
      latencies.push(performance.now() - sent);
      check(variant, query.name, response.status, text);
    }
  };
  const begun = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, requests) }, worker));
  return { wallMs: performance.now() - begun, latencies };
}
