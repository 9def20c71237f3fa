import type { Context } from '../context';
import type { PartnershipReport } from './reportModel';
import { buildPartnershipReport, type ReportOptions, type ReportRequest } from './buildReport';
import { issuableFigures } from './figureKeys';
import { IssuedReports } from './issuedReports';
import { suppressorOf } from '../analytics/suppression/suppressor';
import { ServiceUnavailableError } from '../errors';

/**
 * Issues a report: stores its figures with the graph version. What is stored is
 * the published view, small cells withheld as for a caller without citizen
 * access, so that an issued value shown later as "issued: …" never gives a small
 * count of citizens back to anyone. Returns the caller's own view of the report,
 * marked as issued now.
 */
export async function issuePartnershipReport(ctx: Context, request: ReportRequest, options: ReportOptions = {}, attempt = 1): Promise<PartnershipReport> {
  const report = await buildPartnershipReport(ctx, request, options);
  const published = suppressorOf(ctx).active ? report : await buildPartnershipReport({ ...ctx, principal: { ...ctx.principal, role: 'ANALYST' } }, request, options);
  if (published.graphVersion !== report.graphVersion) {
    // A write landed between the two builds: issue figures of one graph version only.
    if (attempt >= 3) throw new ServiceUnavailableError('The graph kept changing while the report was being issued. Issue it again in a moment.');
    return issuePartnershipReport(ctx, request, options, attempt + 1);
  }
  const issued = await new IssuedReports(ctx.analytics).issue(published, issuableFigures(published), ctx.principal.id, (options.now ?? new Date()).toISOString());
  // The caller's view now matches what was issued: no figure is revised against it.
  return { ...report, issued };
}
