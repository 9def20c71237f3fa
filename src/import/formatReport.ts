import type { ImportReport } from './importReport';

const SHOWN_PROBLEMS = 20;

/** The report as text for a terminal: the outcome, a line per kind, the first problems. */
export function formatImportReport(report: ImportReport): string {
  const lines = [report.message, ''];
  const n = (value: number) => value.toLocaleString('en').padStart(9);
  lines.push(`  ${'kind'.padEnd(16)}${'rows'.padStart(9)}${'invalid'.padStart(9)}${(report.dryRun ? 'would create' : 'created').padStart(14)}${'updated'.padStart(9)}${'unchanged'.padStart(11)}`);
  for (const [kind, counts] of Object.entries(report.kinds)) {
    if (!counts) continue;
    lines.push(`  ${kind.padEnd(16)}${n(counts.rows)}${n(counts.invalid)}${counts.created.toLocaleString('en').padStart(14)}${n(counts.updated)}${counts.unchanged.toLocaleString('en').padStart(11)}`);
  }
  if (report.problems.total > 0) {
    lines.push('', `Problems (${report.problems.total.toLocaleString('en')}; by rule: ${Object.entries(report.problems.countsByRule).map(([rule, count]) => `${rule} ${count}`).join(', ')}):`);
    for (const problem of report.problems.listed.slice(0, SHOWN_PROBLEMS)) lines.push(`  ${problem.sheet ? `[${problem.sheet}] ` : ''}${problem.message}${problem.value ? ` (value ${problem.value})` : ''}`);
    if (report.problems.total > SHOWN_PROBLEMS) lines.push(`  … and ${(report.problems.total - SHOWN_PROBLEMS).toLocaleString('en')} more: run with --json for the first 1,000 in full.`);
  }
  if (report.probableDuplicates.length > 0) {
    lines.push('', 'Probable duplicates (same name, same area; not merged, decide for yourself):');
    for (const duplicate of report.probableDuplicates.slice(0, SHOWN_PROBLEMS)) lines.push(`  ${duplicate.id} ~ ${duplicate.otherId} in ${duplicate.areaId}`);
  }
  if (report.importId) lines.push('', `Import id ${report.importId}: withdraw it with npm run import -- --withdraw ${report.importId}`);
  return `${lines.join('\n')}\n`;
}
