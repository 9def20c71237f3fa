/**
 * A union's first picture is drawn before sigma holds the union.
 *
 * The explorer draws the actors and the ties itself (nodeDots.ts, tieLines.ts),
 * from the union's positions, framed as sigma frames them (framedPlaces.ts). Sigma
 * is needed for what comes after the picture: labels, hover and clicks. Handed a
 * 13,000-actor union, it indexes, styles and labels every actor in one synchronous
 * task: some 600 ms cold on the bench's district, and the picture waited for it.
 * Its labels need a glyph atlas too, drawn at its first use (another 300–500 ms
 * cold), and made before the union arrived it kept the page busy when the union did.
 *
 * So a union reaches sigma in two steps:
 * 1. The first picture: sigma gets a stand-in graph. One node is invisible and
 *    unlabelled, and never hidden, so sigma runs its node pass, where the actor
 *    points are drawn. The others are the union's anchors, the nodes the framed
 *    places are read from, at their own positions and without their labels. Sigma
 *    frames the custom bounding box of the whole union, so every place is where it
 *    will be. No label is drawn, and no glyph is made.
 * 2. Once that frame is on screen, sigma gets the whole union (NetworkView's
 *    `completeLoad`). It makes the labels' glyphs then, in the same task. The
 *    picture looks the same, except for the labels sigma picks, and hover and
 *    clicks work from then on. The page is marked ready only after that frame
 *    (explorer.ts), so tests and the bench act on a complete page.
 */
import Graph from 'graphology';
import type { NodeAttributes } from './drawingStyle';

/** The invisible node's id: no actor's (ids hold no control character). */
const STAND_IN = '\u0000first-picture';

/** The stand-in graph of a union's first picture: the invisible node and the anchors (id and attributes), unlabelled. */
export function firstPictureGraph(anchors: ReadonlyArray<readonly [string, NodeAttributes]>): Graph<NodeAttributes> {
  const graph = new Graph<NodeAttributes>({ type: 'undirected', multi: true });
  graph.addNode(STAND_IN, { x: 0, y: 0, size: 0.01, color: 'rgba(0,0,0,0)', label: '', sector: '', kind: '' });
  for (const [id, attributes] of anchors) graph.addNode(id, { ...attributes, label: '' });
  return graph;
}
