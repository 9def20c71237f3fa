import type { Dataset } from '../../seed/types';
import { CollaborationIndex, dayNumber } from './collaborationIndex';

/**
 * The collaboration index of a dataset held in memory (a generated city), built
 * without a database: for the benchmarks and tests that time or check what is
 * computed on the index alone. The server builds its index from Neo4j (indexLoader.ts).
 */
export function indexOfDataset(dataset: Dataset, version = 'dataset'): CollaborationIndex {
  const day = (date: string | null) => (date ? dayNumber(date) : null);
  return new CollaborationIndex(version, {
    actors: [...dataset.actors].map((actor) => ({ id: actor.id, sector: actor.sector, name: actor.name ?? actor.id })),
    areas: [...dataset.areas].map((area) => ({ id: area.id, name: area.name, parentIds: area.parentId ? [area.parentId] : [] })),
    memberships: [...dataset.memberships].map((m) => ({ actorId: m.actorId, areaId: m.areaId, since: day(m.since), until: day(m.until) })),
    ties: [...dataset.collaborations].map((tie) => {
      const [source, target] = tie.fromId < tie.toId ? [tie.fromId, tie.toId] : [tie.toId, tie.fromId];
      return { id: tie.id, source, target, kind: tie.kind, strength: tie.strength, since: day(tie.since), until: day(tie.until) };
    }),
  });
}
