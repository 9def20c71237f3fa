import type { NetworkPayload } from '../networkService';

/** One rendered export. */
export interface NetworkFile {
  contentType: string;
  name: string;
  content: Buffer | string;
}

/** What the file describes, for its name and metadata. */
export interface ExportMeta {
  areaId: string | null;
  asOf: string;
  span: { from: string; to: string } | null;
}

export type ExportFormat = 'gexf' | 'graphml' | 'json' | 'csv';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['gexf', 'graphml', 'json', 'csv'];

/**
 * `samverkan-network-<area id or city>-<date or from_to>.<ext>`: the scope and
 * date in the name, so downloads of different views do not overwrite each other.
 * Ids are [A-Za-z0-9._:-] (see validation/inputs), safe in a header; ':' becomes '-' for file systems.
 */
export function fileNameOf(meta: ExportMeta, extension: string): string {
  const scope = meta.areaId ? `area-${meta.areaId.replace(/^area-/, '').replace(/:/g, '-')}` : 'city';
  const when = meta.span ? `${meta.span.from}_${meta.span.to}` : meta.asOf;
  return `samverkan-network-${scope}-${when}.${extension}`;
}

/** The attributes every format writes for a node, in one place (names as the GraphQL fields). */
export function nodeAttributes(node: NetworkPayload['nodes'][number]) {
  return {
    label: node.label,
    sector: node.sector,
    kind: node.kind,
    areas: node.areas.join(';'),
    degree: node.degree,
    betweenness: node.betweenness,
    community: node.community,
    brokerageRole: node.brokerageRole,
  };
}
