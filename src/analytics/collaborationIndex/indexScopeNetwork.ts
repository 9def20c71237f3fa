import { COLLABORATION_KINDS, SECTORS } from '../../model';
import type { Scope } from '../scope';
import type { ScopeActor, ScopePair } from '../scopeGraph';
import type { CollaborationIndex } from './collaborationIndex';

/**
 * The scope's actors and distinct pairs, as analytics/scopeActors and
 * analytics/scopeTies return them, taken from the index under the same rules: a
 * pair inside the scope from its smaller id to the larger, a pair with a partner
 * outside the area (TOUCHING) from the member to the outsider; each pair with its
 * strongest qualifying tie, the kinds of its qualifying ties and their number;
 * ordered by (source, target).
 */
export function indexScopeNetwork(index: CollaborationIndex, scope: Scope): { actors: ScopeActor[]; pairs: ScopePair[] } {
  const filter = index.filterOf(scope);
  const members = index.membersOf(scope, filter);
  const actorOf = (actor: number): ScopeActor => ({ id: index.actorIds[actor], sector: SECTORS[index.actorSector[actor]], name: index.actorNames[actor] });
  const pairs: ScopePair[] = [];
  // For the member being walked: slotOf[b] = position + 1 of its pair with b in `found`.
  const slotOf = new Int32Array(index.actorCount);
  for (const member of members.list) {
    const found: Array<{ partner: number; strength: number; kinds: number; ties: number }> = [];
    for (let at = index.adjStart[member]; at < index.adjStart[member + 1]; at += 1) {
      const partner = index.adjOther[at];
      if (!index.tieCounts(at, filter)) continue;
      const inside = members.isMember[partner] === 1;
      if (inside ? partner < member : !filter.touching) continue;
      let slot = slotOf[partner] - 1;
      if (slot < 0 || found[slot]?.partner !== partner) {
        slot = found.push({ partner, strength: 0, kinds: 0, ties: 0 }) - 1;
        slotOf[partner] = slot + 1;
      }
      const pair = found[slot];
      pair.strength = Math.max(pair.strength, index.adjStrength[at]);
      pair.kinds |= 1 << index.adjKind[at];
      pair.ties += 1;
    }
    found.sort((a, b) => a.partner - b.partner);
    for (const { partner, strength, kinds, ties } of found) {
      const source = actorOf(member);
      const target = actorOf(partner);
      pairs.push({
        source: source.id,
        target: target.id,
        sourceSector: source.sector,
        targetSector: target.sector,
        sourceName: source.name,
        targetName: target.name,
        strength,
        kinds: COLLABORATION_KINDS.filter((_, code) => kinds & (1 << code)),
        ties,
      });
    }
  }
  return { actors: Array.from(members.list, actorOf), pairs };
}
