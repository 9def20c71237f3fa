/**
 * Sigma draws labels from a glyph atlas that it fills as it meets characters: the
 * first graph it processes queues every character of every label (some 180,000 on
 * a 10k-actor district, each through an iterator) before it renders the few dozen
 * distinct glyphs, all inside the first picture. A graph of one invisible node
 * labelled with the characters actors' names use, handed to sigma while the page
 * waits for the union, fills the atlas first; the district's labels then find
 * their glyphs there. A character outside the set is still added when met.
 */
import Graph from 'graphology';
import type { NodeAttributes } from './drawingStyle';

/** Letters (Swedish and English), digits, and the punctuation of names and synthetic labels. */
export const LABEL_CHARACTERS = ' abcdefghijklmnopqrstuvwxyzåäöéüABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖÉÜ0123456789()-,.&/:\'"';

/** The graph that fills the atlas: one node, transparent and too small to be labelled on screen. */
export function glyphGraph(): Graph<NodeAttributes> {
  const graph = new Graph<NodeAttributes>({ type: 'undirected', multi: true });
  graph.addNode('glyphs', { x: 0, y: 0, size: 0.01, color: 'rgba(0,0,0,0)', label: LABEL_CHARACTERS, sector: '', kind: '' });
  return graph;
}
