import type { NetworkPayload } from '../networkService';
import { networkCsvZip } from './csvZip';
import { networkCytoscapeJson } from './cytoscapeJson';
import { networkGexf } from './gexf';
import { networkGraphml } from './graphml';
import { fileNameOf, type ExportFormat, type ExportMeta, type NetworkFile } from './networkFile';

/** What the file shows, in words, for the formats that carry a description. */
function describe(meta: ExportMeta): string {
  const scope = meta.areaId ? `area ${meta.areaId}` : 'the whole city';
  const when = meta.span ? `ties from ${meta.span.from} to ${meta.span.to}, measures as of ${meta.asOf}` : `as of ${meta.asOf}`;
  return `Samverkan collaboration network: ${scope}, ${when}`;
}

/** The payload in one export format, with its content type and file name. */
export async function renderNetworkFile(payload: NetworkPayload, format: ExportFormat, meta: ExportMeta): Promise<NetworkFile> {
  switch (format) {
    case 'gexf':
      return { contentType: 'application/gexf+xml; charset=utf-8', name: fileNameOf(meta, 'gexf'), content: networkGexf(payload, describe(meta)) };
    case 'graphml':
      return { contentType: 'application/graphml+xml; charset=utf-8', name: fileNameOf(meta, 'graphml'), content: networkGraphml(payload) };
    case 'json':
      return { contentType: 'application/json; charset=utf-8', name: fileNameOf(meta, 'cyjs.json'), content: networkCytoscapeJson(payload, describe(meta)) };
    case 'csv':
      return { contentType: 'application/zip', name: fileNameOf(meta, 'csv.zip'), content: await networkCsvZip(payload) };
  }
}
