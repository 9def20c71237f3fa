import { randomUUID } from 'node:crypto';
import type { AnalyticsService } from '../analytics/analyticsService';
import type { IssuedInfo, PartnershipReport } from './reportModel';

interface IssuedRow {
  id: string;
  graphVersion: string;
  issuedBy: string;
  issuedAt: string;
  figures: string;
}

export interface IssuedReport {
  id: string;
  graphVersion: string;
  issuedBy: string;
  issuedAt: string;
  figures: Record<string, number | null>;
}

/** The key an issued report is filed under: the area's id, or `city` for the whole city. */
export const areaKeyOf = (areaId: string | null): string => areaId ?? 'city';

/**
 * Issued reports in Neo4j, through the analytics service's reads and writes (the
 * report room has no repository in the request context; these run under the
 * analytics timeout like the rest of a report).
 */
export class IssuedReports {
  constructor(private readonly analytics: Pick<AnalyticsService, 'read' | 'write'>) {}

  async latest(period: string, areaId: string | null): Promise<IssuedReport | null> {
    const [row] = await this.analytics.read<IssuedRow>('reports/latestIssued', { period, areaKey: areaKeyOf(areaId) });
    if (!row) return null;
    return { ...row, figures: JSON.parse(row.figures) as Record<string, number | null> };
  }

  /** Stores the report's figures as issued by `issuedBy` (a principal id, never a name). */
  async issue(report: PartnershipReport, figures: Record<string, number | null>, issuedBy: string, issuedAt: string): Promise<IssuedInfo> {
    const props = {
      id: `issued-${randomUUID()}`,
      period: report.period.label,
      areaKey: areaKeyOf(report.area?.id ?? null),
      compareTo: report.compareTo,
      lang: report.lang,
      graphVersion: report.graphVersion,
      issuedBy,
      // Sorted keys: the stored text is the same for the same figures.
      figures: JSON.stringify(Object.fromEntries(Object.entries(figures).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))),
    };
    const [row] = await this.analytics.write<{ id: string; graphVersion: string; issuedBy: string; issuedAt: string }>('reports/issue', { props, issuedAt });
    return { id: row.id, graphVersion: row.graphVersion, issuedBy: row.issuedBy, issuedAt: row.issuedAt, revisedFigures: 0 };
  }
}
