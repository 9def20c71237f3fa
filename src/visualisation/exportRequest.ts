import type { Request } from 'express';
import type { Context } from '../context';
import { BadUserInputError, ClientError, ErrorCode } from '../errors';
import { COLLABORATION_KINDS, SECTORS, type CollaborationKind, type Sector } from '../model';
import { parseScope } from '../analytics/scope';
import { quoteForError } from '../validation/quoteForError';
import { choice, single } from '../server/httpQuery';
import { NETWORK_MEASURES, type NetworkMeasure } from './networkMeasures';
import { layoutPeriod, type NetworkLayout, type NetworkRequest } from './networkService';
import { EXPORT_FORMATS, type ExportFormat } from './exports/networkFile';

/** NOT_FOUND for a format that is not served: /exports/network.<format> has four. */
export function exportFormatOf(raw: string): ExportFormat {
  const format = raw.toLowerCase() as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) {
    throw new ClientError(`No export has the format ${quoteForError(raw)}: use network.gexf, network.graphml, network.json or network.csv.`, ErrorCode.NOT_FOUND, { field: 'format' });
  }
  return format;
}

/** A calendar date `YYYY-MM-DD`, or undefined when the parameter is absent or empty. */
function dateParameter(req: Request, name: string): string | undefined {
  const raw = single(req, name);
  if (raw === undefined || raw === '') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== raw) throw new BadUserInputError(`${name} must be a date YYYY-MM-DD, such as 2023-06-30; got ${quoteForError(raw)}.`, name);
  return raw;
}

/** A comma-separated list of enum values (any case, '-' for '_'), or null when absent or empty. */
function listParameter<T extends string>(req: Request, name: string, allowed: readonly T[]): T[] | null {
  const raw = single(req, name);
  if (raw === undefined || raw.trim() === '') return null;
  return raw.split(',').map((part) => choice(part.trim(), name, allowed, allowed[0]));
}

/**
 * The export's query parameters, checked, as a network request: the scope
 * (area, asOf, kinds, sectors, minStrength, membership) as the analytics read it;
 * from/to for every tie of the period with its dates (asOf then defaults to
 * `to`); include (default betweenness and brokerage role, betweenness only where
 * Graph Data Science is there); layout (default force-atlas2) and its period
 * layoutFrom/layoutTo, as the field takes them (so a file has the explorer's positions).
 */
export async function parseExportRequest(req: Request, ctx: Context): Promise<NetworkRequest> {
  const from = dateParameter(req, 'from');
  const to = dateParameter(req, 'to');
  if ((from === undefined) !== (to === undefined)) throw new BadUserInputError('from and to go together: give both, or neither for the network on asOf alone.', from === undefined ? 'from' : 'to');
  if (from && to && to < from) throw new BadUserInputError(`to (${to}) is before from (${from}); give the period in order.`, 'to');
  const minStrengthRaw = single(req, 'minStrength');
  const minStrength = minStrengthRaw === undefined || minStrengthRaw === '' ? null : Number(minStrengthRaw);
  if (minStrength !== null && !Number.isInteger(minStrength)) throw new BadUserInputError(`minStrength must be a whole number from 1 to 5; got ${quoteForError(minStrengthRaw)}.`, 'minStrength');
  const scope = parseScope(
    {
      areaId: single(req, 'area') || null,
      asOf: dateParameter(req, 'asOf') ?? to ?? null,
      kinds: listParameter<CollaborationKind>(req, 'kinds', COLLABORATION_KINDS),
      sectors: listParameter<Sector>(req, 'sectors', SECTORS),
      minStrength,
      membership: choice(single(req, 'membership'), 'membership', ['WITHIN', 'TOUCHING'] as const, 'WITHIN'),
    },
    ctx.now,
    'scope',
  );
  const asked = req.query.include === undefined ? null : listParameter<NetworkMeasure>(req, 'include', NETWORK_MEASURES);
  let include: NetworkMeasure[] = asked ?? [];
  if (asked === null) {
    const { gdsVersion } = await ctx.serviceInfo.get();
    include = gdsVersion ? ['BETWEENNESS', 'BROKERAGE_ROLE'] : ['BROKERAGE_ROLE'];
  }
  const layout = choice<NetworkLayout>(single(req, 'layout'), 'layout', ['FORCE_ATLAS2', 'NONE'], 'FORCE_ATLAS2');
  const period = layoutPeriod(dateParameter(req, 'layoutFrom') ?? null, dateParameter(req, 'layoutTo') ?? null);
  return { scope, layout, ...period, include: NETWORK_MEASURES.filter((measure) => include.includes(measure)), span: from && to ? { from, to } : null };
}
