/**
 * How the explorer draws: the attributes of sigma's nodes, node sizes, tie colours
 * and sigma's settings for a large district under a CPU rasteriser (networkView.ts
 * and tieLines.ts draw with them).
 */
import { DEFAULT_STYLES } from 'sigma';
import { pathLine } from 'sigma/rendering';

/** A node's graph attributes: where it is and how large, its sector's colour and its name. Whether it is drawn on the date is its sigma state. */
export interface NodeAttributes {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  sector: string;
  kind: string;
}

/** What the highlight makes of an actor (sigma's custom node state `role`): nothing, the selected actor, a partner of it, or faded. */
export const ROLES = ['none', 'selected', 'partner', 'faded'] as const;
export type Role = (typeof ROLES)[number];
export interface NodeState {
  role: Role;
}

/** A faded actor's colour (the node dots draw it too, nodeDots.ts). */
export const FADED_NODE_COLOUR = '#d8d8d8';

/**
 * How sigma styles a node: its defaults (position, size, colour and label from the
 * attributes, hidden with the `isHidden` state, enlarged and labelled on hover),
 * then the highlight by role. Rules on states, not a node reducer: sigma re-styles
 * only the nodes whose state changed, in place, where a reducer has it re-style
 * (and copy) every node on every refresh. The selected actor is drawn above the
 * others, its partners as they are (labelled as sigma's label grid picks, as
 * before), the rest fade to grey, unlabelled.
 */
export const NODE_STYLES = [
  DEFAULT_STYLES.nodes,
  {
    matchState: 'role' as const,
    cases: {
      selected: { depth: 'topNodes' as const },
      faded: { color: FADED_NODE_COLOUR, label: '' },
    },
  },
];

/** What one date shows: counts for the page and its legend. */
export interface DrawnCounts {
  nodes: number;
  edges: number;
  crossing: number;
  bySector: Map<string, number>;
}

/** A tie's look: colour (RGBA, 0–255) and whether it is drawn two pixels thick (tieLines.ts). */
export interface TieStyle {
  rgba: readonly [number, number, number, number];
  thick: boolean;
}

/** Above this many ties drawn, a picture is dense: ties thinner and lighter, or they hide the actors. */
export const DENSE_TIES = 4000;

/**
 * Ties within a sector recede (light grey); ties across sectors, the point of the
 * service, stand out (near black, two pixels wide while the picture is not dense).
 * A stronger tie is more opaque (strength 1–5). With an actor selected, the ties
 * that do not touch it fade. The looks are built once and shared.
 */
const alpha = (base: number, step: number, strength: number) => Math.round(255 * (base + step * strength));
const FADED: readonly TieStyle[] = [false, true].map((dense) => ({ rgba: [200, 200, 200, dense ? 20 : 38], thick: false }));
/** By [dense][across][strength - 1]. */
const TIE_STYLES: ReadonlyArray<ReadonlyArray<readonly TieStyle[]>> = [false, true].map((dense) =>
  [false, true].map((across) =>
    [1, 2, 3, 4, 5].map((strength) =>
      across
        ? { rgba: [40, 40, 40, dense ? alpha(0.3, 0.05, strength) : alpha(0.55, 0.09, strength)], thick: !dense }
        : { rgba: [120, 120, 120, dense ? alpha(0.06, 0.02, strength) : alpha(0.18, 0.05, strength)], thick: false },
    ),
  ),
);

export function tieStyle(edge: { strength: number; crossesSectors: boolean }, faded: boolean, dense: boolean): TieStyle {
  if (faded) return FADED[Number(dense)];
  const strength = Math.min(5, Math.max(1, Math.round(edge.strength)));
  return TIE_STYLES[Number(dense)][Number(edge.crossesSectors)][strength - 1];
}

/**
 * Sigma's settings, chosen for a 10k-actor district drawn by a CPU rasteriser:
 * labels only for large nodes and never while the camera moves. The ties are not
 * sigma's (tieLines.ts), so its tie settings do not apply.
 */
export const SIGMA_SETTINGS = {
  labelDensity: 0.08,
  labelRenderedSizeThreshold: 12,
  stagePadding: 24,
  hideLabelsOnMove: true,
};

/** Above this many actors a district is large: a coarser picking buffer, and labels re-picked once the slider rests (networkView.ts). */
export const LARGE_DISTRICT = 2000;

/**
 * Sigma draws every node a second time, into a picking buffer (what is under the
 * pointer), on every frame. On a large district that buffer is kept at a quarter
 * of the screen's size each way instead of half: a sixteenth of the pixels, and
 * nodes there are small, so a click resolves as well at that grain.
 */
export const pickingRatioFor = (actors: number): number => (actors > LARGE_DISTRICT ? 4 : 2);

/**
 * Sigma's programs: its tie program is never used (the graph sigma draws holds no
 * ties), so it is built with the one straight path instead of the default's extra
 * 32-segment self-loop path, the smallest program to compile.
 */
export const SIGMA_PRIMITIVES = { edges: { paths: [pathLine()] } };

/** A node's place when the layout has none (layout NONE or a node outside its range): a spiral, stable per id. */
export function fallbackPosition(id: string): { x: number; y: number } {
  let hash = 0;
  for (let i = 0; i < id.length; i += 1) hash = (hash * 31 + id.charCodeAt(i)) | 0;
  const angle = (Math.abs(hash) % 3600) / 10;
  const radius = 1 + (Math.abs(hash >> 8) % 100) / 100;
  return { x: Math.cos(angle) * radius, y: Math.sin(angle) * radius };
}

export const degreeSize = (degree: number): number => 2 + 2.2 * Math.sqrt(degree);
export const betweennessSize = (value: number, max: number): number => 2 + 14 * Math.sqrt(value / (max || 1));

/** The places' extent: the camera's frame for every date of the union. */
export function boundingBox(places: ReadonlyArray<{ x: number; y: number }>): { x: [number, number]; y: [number, number] } {
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const { x, y } of places) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  return { x: [minX, maxX], y: [minY, maxY] };
}
