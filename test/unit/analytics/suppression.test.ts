import type { Principal } from '../../../src/auth/principal';
import { DEVELOPMENT_ADMIN } from '../../../src/auth/principal';
import { suppressorFor, suppressorOf, suppressionRule } from '../../../src/analytics/suppression/suppressor';
import { basisOfGraph, basisOfMixing, scopeWithholding } from '../../../src/analytics/suppression/citizenBasis';
import { sectorMixing } from '../../../src/analytics/measures/sectorMixing';
import { graphOf, MIXED_PAIRS, MIXED_SECTORS } from './sampleGraphs';

const caller = (role: Principal['role']): Principal => ({ id: `token:${role.toLowerCase()}`, via: 'token', role, organisations: [] });
const ANALYST = caller('ANALYST');

describe('suppressorFor: the small-cell rule', () => {
  it('withholds counts of 1 to k − 1 from a caller without citizen access, and shows 0 and k upwards', () => {
    const suppressor = suppressorFor(ANALYST, 5);
    expect([0, 1, 2, 3, 4, 5, 6, 100].map((count) => suppressor.isSmall(count))).toEqual([false, true, true, true, true, false, false, false]);
  });

  it('withholds nothing from ADMIN, and the same from every non-ADMIN role', () => {
    for (const admin of [DEVELOPMENT_ADMIN, caller('ADMIN')]) {
      const suppressor = suppressorFor(admin, 5);
      expect(suppressor.active).toBe(false);
      expect([1, 2, 3, 4].some((count) => suppressor.isSmall(count))).toBe(false);
    }
    for (const role of ['VIEWER', 'ANALYST', 'EDITOR'] as const) expect(suppressorFor(caller(role), 5).isSmall(3)).toBe(true);
  });

  it('follows k: with k = 1 nothing is small, with k = 10 nine is', () => {
    expect(suppressorFor(ANALYST, 1).isSmall(1)).toBe(false);
    expect(suppressorFor(ANALYST, 10).isSmall(9)).toBe(true);
    expect(suppressorOf({ principal: ANALYST, suppressionK: 3 }).isSmall(3)).toBe(false);
  });

  it('refuses a k that is not a whole number of at least 1', () => {
    expect(() => suppressorFor(ANALYST, 0)).toThrow(/at least 1/);
    expect(() => suppressorFor(ANALYST, 2.5)).toThrow(/whole number/);
  });

  it('says in the block of each response whether that response withheld anything', () => {
    const suppressor = suppressorFor(ANALYST, 5);
    const quiet = suppressor.response();
    expect(quiet.withholds(0)).toBe(false);
    expect(quiet.withholds(7)).toBe(false);
    expect(quiet.block()).toEqual({ applied: false, k: 5, rule: suppressionRule(5) });
    const withheld = suppressor.response();
    expect(withheld.withholds(2)).toBe(true);
    expect(withheld.keep(2, true)).toBeNull();
    expect(withheld.keep(7, false)).toBe(7);
    expect(withheld.block().applied).toBe(true);
    // A second response of the same request starts afresh.
    expect(suppressor.response().block().applied).toBe(false);
    expect(suppressionRule(5)).toMatch(/from 1 to 4/);
  });
});

describe('the citizen basis of a scope', () => {
  // a1, a2 are citizens; MIXED_PAIRS ties them to each other and to other sectors.
  const graph = graphOf(MIXED_SECTORS, MIXED_PAIRS);

  it('counts citizens and citizen–sector pairs the same from the network and from the mixing', () => {
    const fromGraph = basisOfGraph(graph);
    expect(fromGraph).toEqual(basisOfMixing(sectorMixing(graph.actors, graph.pairs)));
    expect(fromGraph.citizens).toBe(2);
    // a1–a2 within; a1–a3, a2–a3 to CIVIL_SOCIETY; a2–a5 to PRIVATE.
    expect(fromGraph.citizenTies).toEqual([1, 2, 1, 0, 0]);
  });

  it('withholds the totals over all ties when any citizen cell is withheld, and the cross-sector totals only for cross-sector cells', () => {
    const record = suppressorFor(ANALYST, 5).response();
    const onlyWithin = scopeWithholding(record, { citizens: 6, citizenTies: [2, 0, 9, 0, 0] });
    expect(onlyWithin).toEqual({ citizens: false, cell: [true, false, false, false, false], ties: true, crossTies: false });
    const cross = scopeWithholding(record, { citizens: 3, citizenTies: [0, 0, 9, 1, 0] });
    expect(cross).toEqual({ citizens: true, cell: [false, false, false, true, false], ties: true, crossTies: true });
    const none = scopeWithholding(suppressorFor(DEVELOPMENT_ADMIN, 5).response(), { citizens: 3, citizenTies: [1, 1, 1, 1, 1] });
    expect(none).toEqual({ citizens: false, cell: [false, false, false, false, false], ties: false, crossTies: false });
  });
});
