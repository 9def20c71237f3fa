import type { Figure, PartnershipReport, ReportLang } from './reportModel';
import { textsFor } from './i18n';

/**
 * How numbers are written: as the model holds them (already rounded), with a
 * decimal comma in Swedish. Negative numbers take an ASCII hyphen-minus in every
 * rendering (the PDF's standard fonts have no U+2212).
 */
export function formatNumber(lang: ReportLang, value: number, decimals?: number): string {
  const text = decimals === undefined ? String(value) : value.toFixed(decimals);
  return lang === 'SV' ? text.replace('.', ',') : text;
}

/** A figure as a reader sees it: the number, "< k" for a small citizen count, or "withheld" / "–". */
export function formatFigure(report: Pick<PartnershipReport, 'lang' | 'suppressionK'>, figure: Figure): string {
  const t = textsFor(report.lang);
  if (figure.value !== null) return formatNumber(report.lang, figure.value, figure.decimals);
  if (figure.suppressed) return figure.small ? t.smallCell(report.suppressionK) : t.withheld;
  return '–';
}

export function formatSigned(lang: ReportLang, value: number, decimals?: number): string {
  if (value === 0) return '±0';
  return value > 0 ? `+${formatNumber(lang, value, decimals)}` : formatNumber(lang, value, decimals);
}

/** The CSV form: machine-readable numbers (decimal point), the same words as the other renderings otherwise. */
export function csvFigure(report: Pick<PartnershipReport, 'lang' | 'suppressionK'>, figure: Figure): string {
  if (figure.value !== null) return String(figure.value);
  return formatFigure(report, figure);
}
