/**
 * The shape of the explorer's union in columns (GET /exports/network-union.json):
 * the one contract between the service (unionColumns.ts writes it) and the page
 * (web/explorer/src/unionColumns.ts reads it). No imports, so the page's build
 * can take it as it takes the sector colours.
 */

/** Bumped when the shape changes; the page checks it. */
export const UNION_COLUMNS_VERSION = 1;

export interface UnionColumns {
  /** UNION_COLUMNS_VERSION when written; a page reading another refuses it. */
  version: number;
  /** True when x and y are the layout's start, sent while the layout is computed (asked with `provisional=1`); the same request without it waits for the layout. */
  provisional?: boolean;
  nodes: {
    id: string[];
    label: string[];
    sector: string[];
    x: Array<number | null>;
    y: Array<number | null>;
    /** Each node's membership periods flattened: start, end, start, end… (null: open). */
    periods: Array<Array<string | null>>;
  };
  edges: {
    /** Positions in the node arrays. */
    source: number[];
    target: number[];
    strength: number[];
    since: Array<string | null>;
    until: Array<string | null>;
    /** 1 when the ends are in different sectors. */
    crossesSectors: number[];
  };
}
