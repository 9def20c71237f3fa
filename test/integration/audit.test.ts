import { useTestApi, codesOf } from '../helpers/testApi';
import { principal } from '../helpers/principals';

/** Every mutation, allowed or not, leaves one audit entry with ids only; ADMIN pages through it. */
const api = useTestApi();

interface Entry {
  principal: string;
  operation: string;
  targets: string[];
  outcome: string;
  at: string;
}

const LOG = `query($filter: AuditFilter, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) { nodes { principal operation targets outcome at } pageInfo { hasNextPage endCursor } } }`;

it('records who did what to which ids, and the outcome, for successes and refusals', async () => {
  await api.ok(`mutation { createActor(input: { id: "org-audit", kind: ASSOCIATION, name: "Audited Förening", description: "free text that must not be logged" }) { id } }`);
  const refused = await api.run(`mutation { updateActor(id: "org-audit", input: { description: "x" }) { id } }`, {}, principal('VIEWER', [], 'viewer-audit'));
  expect(codesOf(refused)).toEqual(['FORBIDDEN']);
  const missing = await api.run(`mutation { updateActor(id: "no-such-org", input: { description: "x" }) { id } }`);
  expect(codesOf(missing)).toEqual(['NOT_FOUND']);

  const data = await api.ok<{ auditLog: { nodes: Entry[] } }>(LOG, { first: 3 });
  expect(data.auditLog.nodes.map(({ at: _at, ...rest }) => rest)).toEqual([
    { principal: 'development', operation: 'updateActor', targets: ['no-such-org'], outcome: 'NOT_FOUND' },
    { principal: 'token:viewer-audit', operation: 'updateActor', targets: ['org-audit'], outcome: 'FORBIDDEN' },
    { principal: 'development', operation: 'createActor', targets: ['org-audit'], outcome: 'OK' },
  ]);
  expect(JSON.stringify(data)).not.toMatch(/Audited|free text/);
});

it('filters by principal, operation, target and outcome, and pages newest first', async () => {
  for (let i = 0; i < 5; i++) await api.ok(`mutation { createArea(input: { id: "area-audit-${i}", name: "A", level: CITY }) { id } }`);
  const byOutcome = await api.ok<{ auditLog: { nodes: Entry[] } }>(LOG, { filter: { outcome: 'FORBIDDEN' } });
  expect(byOutcome.auditLog.nodes.map((entry) => entry.principal)).toEqual(['token:viewer-audit']);
  const byTarget = await api.ok<{ auditLog: { nodes: Entry[] } }>(LOG, { filter: { target: 'area-audit-3' } });
  expect(byTarget.auditLog.nodes.map((entry) => entry.operation)).toEqual(['createArea']);

  const seen: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page: { auditLog: { nodes: Entry[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await api.ok(LOG, { filter: { operation: 'createArea' }, first: 2, after });
    seen.push(...page.auditLog.nodes.flatMap((entry) => entry.targets));
    if (!page.auditLog.pageInfo.hasNextPage) break;
    after = page.auditLog.pageInfo.endCursor;
  }
  expect(seen).toEqual(['area-audit-4', 'area-audit-3', 'area-audit-2', 'area-audit-1', 'area-audit-0']);
});
