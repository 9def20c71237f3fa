import XMLWriter from 'xml-writer';
import type { NetworkPayload } from '../networkService';
import { rgbOf, SECTOR_COLOURS, TIE_COLOURS } from '../sectorColours';
import { nodeAttributes } from './networkFile';

type GexfType = 'string' | 'integer' | 'double' | 'boolean';

/** The typed attributes, named as the GraphQL fields; one absent everywhere (a measure not asked for) is left out of the model. */
const NODE_MODEL: ReadonlyArray<[string, GexfType]> = [
  ['sector', 'string'],
  ['kind', 'string'],
  ['areas', 'string'],
  ['degree', 'integer'],
  ['betweenness', 'double'],
  ['community', 'integer'],
  ['brokerageRole', 'string'],
];
const EDGE_MODEL: ReadonlyArray<[string, GexfType]> = [
  ['kind', 'string'],
  ['strength', 'integer'],
  ['since', 'string'],
  ['until', 'string'],
  ['crossesSectors', 'boolean'],
];

type Values = Record<string, string | number | boolean | null>;

function writeModel(writer: XMLWriter, modelClass: 'node' | 'edge', model: ReadonlyArray<[string, GexfType]>): void {
  writer.startElement('attributes').writeAttribute('class', modelClass);
  for (const [name, type] of model) writer.startElement('attribute').writeAttribute('id', name).writeAttribute('title', name).writeAttribute('type', type).endElement();
  writer.endElement();
}

function writeValues(writer: XMLWriter, model: ReadonlyArray<[string, GexfType]>, values: Values): void {
  writer.startElement('attvalues');
  for (const [name] of model) {
    const value = values[name];
    if (value === null || value === undefined) continue;
    writer.startElement('attvalue').writeAttribute('for', name).writeAttribute('value', String(value)).endElement();
  }
  writer.endElement();
}

/** As r/g/b: every GEXF reader takes it (NetworkX does not read 1.3's hex). */
function writeColour(writer: XMLWriter, hex: string): void {
  const { r, g, b } = rgbOf(hex);
  writer.startElementNS('viz', 'color').writeAttribute('r', r).writeAttribute('g', g).writeAttribute('b', b).endElement();
}

/** Start and end of a dynamic element; an open end is left out (Gephi: since always / still running). */
function writeSpan(writer: XMLWriter, start: string | null, end: string | null): void {
  if (start) writer.writeAttribute('start', start);
  if (end) writer.writeAttribute('end', end);
}

const inUse = (model: ReadonlyArray<[string, GexfType]>, rows: Values[]) => model.filter(([name]) => rows.some((row) => row[name] !== null && row[name] !== undefined));

/**
 * GEXF 1.3 for Gephi, streamed by xml-writer (the writer graphology-gexf uses,
 * which escapes every value), in graphology-gexf's layout of the document, with
 * what its writer cannot express: Gephi's dynamic mode (`mode="dynamic"
 * timeformat="date"`), each tie from its first to its last day and each actor over
 * its membership in the scope's areas, so Gephi's timeline plays the network's
 * history. Sector, kind and the measures are attributes; the layout and the sector
 * colours are viz attributes. (Writing through graphology-gexf and adding the
 * dynamics through a DOM took three times as long as the GraphML export.)
 */
export function networkGexf(payload: NetworkPayload, description: string): string {
  const nodeValues: Values[] = payload.nodes.map((node) => nodeAttributes(node));
  const edgeValues: Values[] = payload.edges.map((edge) => ({ kind: edge.kind, strength: edge.strength, since: edge.since, until: edge.until, crossesSectors: edge.crossesSectors }));
  const nodeModel = inUse(NODE_MODEL, nodeValues);
  const edgeModel = inUse(EDGE_MODEL, edgeValues);
  const writer = new XMLWriter('  ');
  writer.startDocument('1.0', 'UTF-8');
  writer
    .startElement('gexf')
    .writeAttribute('version', '1.3')
    .writeAttribute('xmlns', 'http://gexf.net/1.3')
    .writeAttribute('xmlns:viz', 'http://gexf.net/1.3/viz')
    .writeAttribute('xmlns:xsi', 'http://www.w3.org/2001/XMLSchema-instance')
    .writeAttribute('xsi:schemaLocation', 'http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd');
  writer.startElement('meta').writeElement('creator', 'Samverkan').writeElement('description', description).endElement();
  writer.startElement('graph').writeAttribute('defaultedgetype', 'undirected').writeAttribute('mode', 'dynamic').writeAttribute('timeformat', 'date');
  writeModel(writer, 'node', nodeModel);
  writeModel(writer, 'edge', edgeModel);
  writer.startElement('nodes');
  payload.nodes.forEach((node, i) => {
    writer.startElement('node').writeAttribute('id', node.id).writeAttribute('label', node.label);
    writeSpan(writer, node.start, node.end);
    writeValues(writer, nodeModel, nodeValues[i]);
    writeColour(writer, SECTOR_COLOURS[node.sector]);
    writer.startElementNS('viz', 'size').writeAttribute('value', 4 + 2 * Math.sqrt(node.degree)).endElement();
    if (node.x !== null && node.y !== null) writer.startElementNS('viz', 'position').writeAttribute('x', node.x).writeAttribute('y', node.y).writeAttribute('z', 0).endElement();
    writer.endElement();
  });
  writer.endElement();
  writer.startElement('edges');
  payload.edges.forEach((edge, i) => {
    writer.startElement('edge').writeAttribute('id', edge.id).writeAttribute('source', edge.source).writeAttribute('target', edge.target).writeAttribute('weight', edge.strength);
    writeSpan(writer, edge.since, edge.until);
    writeValues(writer, edgeModel, edgeValues[i]);
    writeColour(writer, edge.crossesSectors ? TIE_COLOURS.acrossSectors : TIE_COLOURS.withinSector);
    writer.endElement();
  });
  writer.endElement();
  writer.endElement();
  writer.endElement();
  return writer.toString();
}
