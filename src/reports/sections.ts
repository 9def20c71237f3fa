import type { PartnershipReport } from './reportModel';
import { textsFor } from './i18n';
import { formatNumber } from './format';

/** The report's sections, in order: the table of contents of the HTML and the PDF. */
export const sectionOrder = ['headline', 'matrix', 'trend', 'subAreas', 'tieChanges', 'initiatives', 'brokers', 'appendix'] as const;
export type SectionId = (typeof sectionOrder)[number];

export function reportTitle(report: PartnershipReport): { title: string; subtitle: string; asOfLine: string } {
  const t = textsFor(report.lang);
  return {
    title: t.title,
    subtitle: t.subtitle(report.area?.name ?? t.wholeCity, report.period.label),
    asOfLine: t.asOfLine(report.asOf, `${report.comparison.label} (${t.compareTo[report.compareTo]})`),
  };
}

/** The sentences each section opens with, in the report's language. */
export function reportNotes(report: PartnershipReport): Partial<Record<SectionId, string[]>> {
  const t = textsFor(report.lang);
  const headline: string[] = [];
  if (report.issued) {
    headline.push(
      report.issued.revisedFigures > 0
        ? t.revisedNote(report.issued.issuedAt.slice(0, 10), report.issued.issuedBy, report.issued.revisedFigures)
        : t.issuedSame(report.issued.issuedAt.slice(0, 10), report.issued.issuedBy),
    );
  }
  if (report.suppressionApplied) headline.push(t.suppressionRule(report.suppressionK, report.suppressionActive));
  const tieChanges: string[] = [];
  if (report.tieChangesWithheld.opened) tieChanges.push(t.tieChangesWithheld(report.suppressionK, t.changeKinds.OPENED));
  if (report.tieChangesWithheld.ended) tieChanges.push(t.tieChangesWithheld(report.suppressionK, t.changeKinds.ENDED));
  const brokers: string[] = [];
  if (report.gdsUnavailable) brokers.push(report.gdsUnavailable.code === 'ANALYTICS_TIMEOUT' ? t.brokersTimedOut : t.noGds);
  else if ((report.risks ?? []).length === 0) brokers.push(t.noRisks);
  const sampling = report.methods.find((method) => method.field === 'brokers')?.sampling;
  if (sampling) brokers.unshift(t.brokersEstimated(formatNumber(report.lang, sampling.errorBound, 4)));
  return { headline, matrix: [t.matrixNote], trend: [t.trendNote], tieChanges, brokers, appendix: [t.appendixIntro] };
}
