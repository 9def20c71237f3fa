import type { CollaborationIndex } from '../analytics/collaborationIndex/collaborationIndex';
import type { Scope } from '../analytics/scope';
import { SECTORS } from '../model';
import { dayAfter } from './period';
import { NEVER } from '../analytics/collaborationIndex/indexColumns';

/** An open date in the index: a missing `since` never starts, a missing `until` never ends. */
const K = SECTORS.length;

/** The scope's network as of one day, in counts: what every timeline figure is computed from. */
export interface NetworkSnapshot {
  day: number;
  /** Actors of the network per sector (isolates included; TOUCHING: partners outside the area too). */
  sizes: number[];
  /** ties[a * K + b] = ties[b * K + a]: distinct pairs between sectors a and b (within a when equal). */
  ties: number[];
  /** Members of the scope's area per sector (every actor of the scope's sectors without an area). */
  memberSizes: number[];
  /** insideTies[a * K + b]: pairs with both actors members of the area (helix coverage's ties). */
  insideTies: number[];
  /** Since the previous snapshot: pairs that entered and left the network, actors that joined and left it. */
  opened: number;
  ended: number;
  joined: number;
  left: number;
}

/**
 * The scope's network as of each of `days` (ascending), computed in one sweep
 * over the dates at which ties and memberships start and end, in date order,
 * instead of building each as-of network from scratch.
 *
 * The state swept is exactly the scope rules of docs/analytics.md ("The analysed
 * network"), as indexScopeNetwork applies them to one date: a tie qualifies by
 * kind, strength and both ends' sectors; it is active on d when since <= d <=
 * until; a pair of actors is in the network while it has at least one active
 * qualifying tie (its multiplicity is kept, so a second tie of a pair neither
 * opens nor ends it) and its ends satisfy WITHIN (both members of the area) or
 * TOUCHING (at least one); actors are the area's members active on d, plus,
 * with TOUCHING, partners outside it with a pair in the network; without an area,
 * every actor of the scope's sectors.
 *
 * Changes are counted per day: a pair counts as opened when it is in the network
 * as of day d and was not as of d − 1 (ended likewise), so ties at a snapshot =
 * ties at the previous one + opened − ended, and a tie ending on d with another
 * of the same pair starting on d + 1 changes nothing.
 */
export function sweepSnapshots(index: CollaborationIndex, scope: Scope, days: readonly number[]): NetworkSnapshot[] {
  const filter = index.filterOf(scope);
  const n = index.actorCount;
  const sector = index.actorSector;
  const allowed = (actor: number) => filter.sectorAllowed[sector[actor]] === 1;
  const wholeCity = scope.areaId === null;
  const touching = filter.touching;

  // Memberships of the area's subtree that ever start, and who ever is a member.
  const memberships: number[] = [];
  const everMember = new Uint8Array(n);
  if (!wholeCity) {
    for (const area of index.subtreeOf(scope.areaId as string) ?? []) {
      for (let at = index.memberStart[area]; at < index.memberStart[area + 1]; at += 1) {
        const actor = index.memberActor[at];
        if (index.memberSince[at] === NEVER || !allowed(actor) || index.memberUntil[at] < index.memberSince[at]) continue;
        memberships.push(at);
        everMember[actor] = 1;
      }
    }
  }

  // Qualifying ties that can ever be in the network, grouped into pairs (a < b).
  // slotOf[b] = pair + 1 of the pair (a, b) while a's ties are walked (a typed array, not a Map of a·n + b: 400k ties of a 100k city).
  const slotOf = new Int32Array(n);
  // Typed arrays sized for every tie of the index (a 100k city: 400k), not lists grown by push.
  const pairA = new Int32Array(index.tieCount);
  const pairB = new Int32Array(index.tieCount);
  const tiePair = new Int32Array(index.tieCount);
  const tieSince = new Int32Array(index.tieCount);
  const tieUntil = new Int32Array(index.tieCount);
  let pairCount = 0;
  let tieTotal = 0;
  for (let a = 0; a < n; a += 1) {
    if (!allowed(a)) continue;
    for (let at = index.adjStart[a]; at < index.adjStart[a + 1]; at += 1) {
      const b = index.adjOther[at];
      // Each tie is stored under both ends: take it from the smaller one.
      if (b <= a || !allowed(b)) continue;
      if (index.adjSince[at] === NEVER || index.adjUntil[at] < index.adjSince[at]) continue;
      if (index.adjStrength[at] < filter.minStrength || (filter.kindAllowed !== null && filter.kindAllowed[index.adjKind[at]] !== 1)) continue;
      if (!wholeCity && (touching ? !everMember[a] && !everMember[b] : !everMember[a] || !everMember[b])) continue;
      let pair = slotOf[b] - 1;
      if (pair < 0 || pairA[pair] !== a) {
        pair = pairCount++;
        pairA[pair] = a;
        pairB[pair] = b;
        slotOf[b] = pair + 1;
      }
      tiePair[tieTotal] = pair;
      tieSince[tieTotal] = index.adjSince[at];
      tieUntil[tieTotal] = index.adjUntil[at];
      tieTotal += 1;
    }
  }

  // The pairs of each actor (compressed rows), to re-examine them when its membership changes.
  const actorPairStart = new Int32Array(n + 1);
  const actorPairs = new Int32Array(2 * pairCount);
  if (!wholeCity) {
    for (let p = 0; p < pairCount; p += 1) {
      actorPairStart[pairA[p] + 1] += 1;
      actorPairStart[pairB[p] + 1] += 1;
    }
    for (let a = 0; a < n; a += 1) actorPairStart[a + 1] += actorPairStart[a];
    const next = actorPairStart.slice(0, n);
    for (let p = 0; p < pairCount; p += 1) {
      actorPairs[next[pairA[p]]++] = p;
      actorPairs[next[pairB[p]]++] = p;
    }
  }

  // Events: +1/−1 on a pair's multiplicity or an actor's active memberships, on the
  // first day the as-of network sees the change (an end: the day after until).
  // Sorted once by (day, event number) packed into one float: day < 2^27, number < 2^25.
  const SHIFT = 2 ** 25;
  const TIE_START = 0;
  const TIE_END = 1;
  const MEMBER_START = 2;
  const MEMBER_END = 3;
  const capacity = 2 * (tieTotal + memberships.length);
  if (capacity >= SHIFT) throw new Error(`timeline sweep: ${capacity} events exceed ${SHIFT}`);
  const events = new Float64Array(capacity);
  const eventKind = new Uint8Array(capacity);
  const eventRef = new Int32Array(capacity);
  let eventCount = 0;
  const addEvent = (day: number, kind: number, ref: number) => {
    events[eventCount] = day * SHIFT + eventCount;
    eventKind[eventCount] = kind;
    eventRef[eventCount] = ref;
    eventCount += 1;
  };
  for (let t = 0; t < tieTotal; t += 1) {
    addEvent(tieSince[t], TIE_START, tiePair[t]);
    if (tieUntil[t] !== NEVER) addEvent(dayAfter(tieUntil[t]), TIE_END, tiePair[t]);
  }
  for (const at of memberships) {
    addEvent(index.memberSince[at], MEMBER_START, index.memberActor[at]);
    if (index.memberUntil[at] !== NEVER) addEvent(dayAfter(index.memberUntil[at]), MEMBER_END, index.memberActor[at]);
  }
  const order = events.subarray(0, eventCount).sort();

  // The state as of the last day processed.
  const multiplicity = new Int32Array(pairCount);
  const pairIn = new Uint8Array(pairCount);
  const pairInside = new Uint8Array(pairCount);
  const activeMemberships = new Int32Array(n);
  const member = new Uint8Array(n);
  const netDegree = new Int32Array(n);
  const actorIn = new Uint8Array(n);
  const sizes = new Array<number>(K).fill(0);
  const memberSizes = new Array<number>(K).fill(0);
  const ties = new Array<number>(K * K).fill(0);
  const insideTies = new Array<number>(K * K).fill(0);
  // What the pairs and actors touched today were as of yesterday: the first value seen today, and who was touched.
  const pairBefore = new Uint8Array(pairCount);
  const pairTouched = new Uint8Array(pairCount);
  const pairsToday: number[] = [];
  const actorBefore = new Uint8Array(n);
  const actorTouched = new Uint8Array(n);
  const actorsToday: number[] = [];
  let opened = 0;
  let ended = 0;
  let joined = 0;
  let left = 0;

  const setActor = (actor: number) => {
    const now = member[actor] === 1 || (touching && netDegree[actor] > 0) ? 1 : 0;
    if (now === actorIn[actor]) return;
    if (!actorTouched[actor]) {
      actorTouched[actor] = 1;
      actorBefore[actor] = actorIn[actor];
      actorsToday.push(actor);
    }
    actorIn[actor] = now;
    sizes[sector[actor]] += now ? 1 : -1;
  };
  const setPair = (p: number) => {
    const a = pairA[p];
    const b = pairB[p];
    const both = member[a] === 1 && member[b] === 1;
    const now = multiplicity[p] > 0 && (both || (touching && (member[a] === 1 || member[b] === 1))) ? 1 : 0;
    const inside = now && both ? 1 : 0;
    const cell = sector[a] * K + sector[b];
    const mirror = sector[b] * K + sector[a];
    if (inside !== pairInside[p]) {
      pairInside[p] = inside;
      insideTies[cell] += inside ? 1 : -1;
      if (mirror !== cell) insideTies[mirror] += inside ? 1 : -1;
    }
    if (now === pairIn[p]) return;
    if (!pairTouched[p]) {
      pairTouched[p] = 1;
      pairBefore[p] = pairIn[p];
      pairsToday.push(p);
    }
    pairIn[p] = now;
    const step = now ? 1 : -1;
    ties[cell] += step;
    if (mirror !== cell) ties[mirror] += step;
    netDegree[a] += step;
    netDegree[b] += step;
    if (touching) {
      setActor(a);
      setActor(b);
    }
  };
  const setMember = (actor: number, now: number) => {
    if (member[actor] === now) return;
    member[actor] = now;
    memberSizes[sector[actor]] += now ? 1 : -1;
    setActor(actor);
    for (let at = actorPairStart[actor]; at < actorPairStart[actor + 1]; at += 1) {
      if (multiplicity[actorPairs[at]] > 0) setPair(actorPairs[at]);
    }
  };
  /** Closes a day: compares what was touched with what it was the day before. */
  const closeDay = () => {
    for (const p of pairsToday) {
      if (pairIn[p] > pairBefore[p]) opened += 1;
      else if (pairIn[p] < pairBefore[p]) ended += 1;
      pairTouched[p] = 0;
    }
    for (const actor of actorsToday) {
      if (actorIn[actor] > actorBefore[actor]) joined += 1;
      else if (actorIn[actor] < actorBefore[actor]) left += 1;
      actorTouched[actor] = 0;
    }
    pairsToday.length = 0;
    actorsToday.length = 0;
  };

  if (wholeCity) {
    for (let actor = 0; actor < n; actor += 1) if (allowed(actor)) setMember(actor, 1);
  }
  // The city's actors are there from the start: not "joined" in the first period.
  joined = 0;
  for (const actor of actorsToday) actorTouched[actor] = 0;
  actorsToday.length = 0;

  const snapshots: NetworkSnapshot[] = [];
  let next = 0;
  let currentDay = -1;
  for (const day of days) {
    while (next < order.length) {
      const eventDay = Math.floor(order[next] / SHIFT);
      if (eventDay > day) break;
      if (eventDay !== currentDay) {
        closeDay();
        currentDay = eventDay;
      }
      const event = order[next] - eventDay * SHIFT;
      const ref = eventRef[event];
      switch (eventKind[event]) {
        case TIE_START:
          if (++multiplicity[ref] === 1) setPair(ref);
          break;
        case TIE_END:
          if (--multiplicity[ref] === 0) setPair(ref);
          break;
        case MEMBER_START:
          if (++activeMemberships[ref] === 1) setMember(ref, 1);
          break;
        default:
          if (--activeMemberships[ref] === 0) setMember(ref, 0);
      }
      next += 1;
    }
    closeDay();
    snapshots.push({ day, sizes: [...sizes], ties: [...ties], memberSizes: [...memberSizes], insideTies: [...insideTies], opened, ended, joined, left });
    opened = 0;
    ended = 0;
    joined = 0;
    left = 0;
  }
  return snapshots;
}
