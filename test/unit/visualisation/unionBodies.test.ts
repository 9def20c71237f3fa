import { UnionBodies, unionBodyKey } from '../../../src/visualisation/unionBodies';
import type { NetworkRequest } from '../../../src/visualisation/networkService';
import type { Principal } from '../../../src/auth/principal';
import { AnalyticsService } from '../../../src/analytics/analyticsService';
import type { Database } from '../../../src/db/database';
import type { ServiceInfoProvider } from '../../../src/system/serviceInfo';
import { silentLogger } from '../../../src/logger';

const request: NetworkRequest = {
  scope: { areaId: 'area-rosengard', asOf: '2024-06-30', kinds: null, sectors: null, minStrength: 1, membership: 'WITHIN' },
  layout: 'FORCE_ATLAS2',
  layoutFrom: null,
  layoutTo: null,
  include: [],
  span: null,
  overLayoutPeriod: true,
};
const now = new Date('2026-11-29T12:00:00Z');
const caller = (principal: Partial<Principal>) => ({
  principal: { id: 'alice', via: 'token', role: 'ANALYST', organisations: [], ...principal } as Principal,
  suppressionK: 5,
  now,
});

describe('unionBodyKey', () => {
  it('is the same for the same caller, version, request and day', () => {
    expect(unionBodyKey('v1', request, caller({}))).toBe(unionBodyKey('v1', { ...request }, caller({})));
  });

  it('differs for another caller, role, organisation, small-cell threshold, version, day or request', () => {
    const base = unionBodyKey('v1', request, caller({}));
    const others = [
      unionBodyKey('v1', request, caller({ id: 'bob' })),
      unionBodyKey('v1', request, caller({ role: 'EDITOR' })),
      unionBodyKey('v1', request, caller({ role: 'EDITOR', organisations: ['actor-org-1'] })),
      unionBodyKey('v1', request, caller({ via: 'apiKey' })),
      unionBodyKey('v1', request, { ...caller({}), suppressionK: 3 }),
      unionBodyKey('v2', request, caller({})),
      unionBodyKey('v1', request, { ...caller({}), now: new Date('2026-11-30T12:00:00Z') }),
      unionBodyKey('v1', { ...request, scope: { ...request.scope, sectors: ['CITIZEN'] } }, caller({})),
    ];
    expect(new Set([base, ...others]).size).toBe(others.length + 1);
  });
});

describe('UnionBodies', () => {
  it('answers a kept body under its key only', () => {
    const bodies = new UnionBodies();
    const analyst = unionBodyKey('v1', request, caller({}));
    bodies.set(analyst, 'v1', '{"analyst":true}');
    expect(bodies.get(analyst)).toBe('{"analyst":true}');
    expect(bodies.get(unionBodyKey('v1', request, caller({ role: 'ADMIN' })))).toBeUndefined();
  });

  it('drops the bodies of other versions when one of a new version is kept', () => {
    const bodies = new UnionBodies();
    bodies.set('a', 'v1', 'x');
    bodies.set('b', 'v1', 'y');
    bodies.set('c', 'v2', 'z');
    expect([bodies.get('a'), bodies.get('b'), bodies.get('c')]).toEqual([undefined, undefined, 'z']);
    expect(bodies.size).toBe(1);
  });

  it('keeps within its budget, dropping the least recently used first', () => {
    const bodies = new UnionBodies(10);
    bodies.set('a', 'v1', '1234');
    bodies.set('b', 'v1', '5678');
    expect(bodies.get('a')).toBe('1234');
    bodies.set('c', 'v1', '9012');
    expect([bodies.get('a'), bodies.get('b'), bodies.get('c')]).toEqual(['1234', undefined, '9012']);
    bodies.set('d', 'v1', 'more than ten characters');
    expect(bodies.get('d')).toBeUndefined();
  });

  it('is emptied with the analytics after an erasure (forgetAll): no body may keep an erased citizen', () => {
    const bodies = new UnionBodies();
    bodies.set('analyst', 'v1', '{"names":["Anna"]}');
    const analytics = new AnalyticsService({ db: {} as Database, serviceInfo: {} as ServiceInfoProvider, logger: silentLogger, timeoutMs: 1000, alsoForget: [bodies] });
    analytics.forgetAll();
    expect(bodies.size).toBe(0);
    expect(bodies.get('analyst')).toBeUndefined();
  });
});
