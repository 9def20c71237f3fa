/** The scope's headline analytics for the date: E-I against its expected value, helix coverage and the missing sector pairs. */
import { ANALYTICS } from './queries';
import { graphql } from './api';
import { el, formatNumber } from './dom';
import { sectorLabel } from './sectors';

interface AnalyticsAnswer {
  eiIndex: { overall: { value: number | null; external: number | null; internal: number | null; suppressed: boolean }; expected: number | null; expectedSuppressed: boolean };
  helixCoverage: {
    areas: Array<{ area: { id: string; name: string }; coverage: number | null; sectorsPresent: string[]; missingPairs: Array<{ sectorA: string; sectorB: string }>; suppressed: boolean }>;
  };
}

function row(list: HTMLElement, term: string, value: string, testId: string): void {
  list.append(el('dt', term));
  const dd = el('dd', value);
  dd.dataset.testid = testId;
  list.append(dd);
}

export async function renderAnalytics(target: HTMLElement, scope: Record<string, unknown>, areaId: string | null, signal: AbortSignal): Promise<void> {
  const answer = await graphql<AnalyticsAnswer>(ANALYTICS, { scope }, signal);
  const ei = answer.eiIndex;
  const coverage = answer.helixCoverage.areas.find((a) => a.area.id === areaId) ?? answer.helixCoverage.areas[0];
  const list = el('dl');
  row(list, 'E-I index', ei.overall.suppressed ? 'withheld' : formatNumber(ei.overall.value), 'ei');
  row(list, 'expected (random mixing)', ei.expectedSuppressed ? 'withheld' : formatNumber(ei.expected), 'ei-expected');
  row(list, 'ties across / within sectors', `${ei.overall.external ?? '–'} / ${ei.overall.internal ?? '–'}`, 'ei-parts');
  if (coverage) {
    row(list, `helix coverage (${coverage.area.name})`, coverage.suppressed ? 'withheld' : formatNumber(coverage.coverage), 'coverage');
  }
  const missing = el('ul');
  missing.dataset.testid = 'missing-pairs';
  for (const pair of coverage?.missingPairs ?? []) missing.append(el('li', `${sectorLabel(pair.sectorA)} — ${sectorLabel(pair.sectorB)}`));
  if (!coverage?.missingPairs.length) missing.append(el('li', 'none: every pair of present sectors is tied'));
  target.replaceChildren(list, el('h3', 'Sector pairs that never meet'), missing);
}
