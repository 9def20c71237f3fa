import { compareIds } from '../compareIds';
import type { CollaborationIndex } from './collaborationIndex';

/** The adjacency columns of a collaboration index, permuted together. */
type Adjacency = Pick<CollaborationIndex, 'adjStart' | 'adjOther' | 'adjKind' | 'adjStrength' | 'adjSince' | 'adjUntil' | 'adjOutgoing' | 'adjTieId'>;

/**
 * Puts each actor's ties in tie id order, in place, as `collaborations` pages
 * them (ORDER BY c.id): a page of an actor's ties is then a slice of its
 * segment, with no sort per request. A segment already in order costs one pass.
 */
export function sortSegmentsByTieId(index: Adjacency): void {
  const ends = index.adjStart;
  for (let actor = 0; actor + 1 < ends.length; actor += 1) {
    const start = ends[actor];
    const end = ends[actor + 1];
    let sorted = true;
    for (let at = start + 1; at < end && sorted; at += 1) sorted = compareIds(index.adjTieId[at - 1], index.adjTieId[at]) <= 0;
    if (!sorted) permuteSegment(index, start, end);
  }
}

function permuteSegment(index: Adjacency, start: number, end: number): void {
  const order = Array.from({ length: end - start }, (_, offset) => start + offset).sort((a, b) => compareIds(index.adjTieId[a], index.adjTieId[b]));
  const take = <T>(column: { [at: number]: T }) => {
    const values = order.map((at) => column[at]);
    values.forEach((value, offset) => {
      column[start + offset] = value;
    });
  };
  take(index.adjOther);
  take(index.adjKind);
  take(index.adjStrength);
  take(index.adjSince);
  take(index.adjUntil);
  take(index.adjOutgoing);
  take(index.adjTieId);
}
