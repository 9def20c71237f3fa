/** Download buttons: each export of what is on screen (same area, date and filters), fetched with the credential. */
import { download } from './api';
import { el } from './dom';
import type { ViewState } from './viewState';

export const EXPORT_FORMATS: Array<{ format: string; label: string }> = [
  { format: 'gexf', label: 'GEXF (Gephi)' },
  { format: 'graphml', label: 'GraphML (yEd, Cytoscape)' },
  { format: 'json', label: 'Cytoscape.js JSON' },
  { format: 'csv', label: 'CSV (zip)' },
];

/** The scope of the view as an export's query parameters. */
export function scopeParameters(state: ViewState, asOf: string): URLSearchParams {
  const params = new URLSearchParams();
  if (state.area) params.set('area', state.area);
  params.set('asOf', asOf);
  if (state.sectors.length) params.set('sectors', state.sectors.join(','));
  if (state.kinds.length) params.set('kinds', state.kinds.join(','));
  if (state.minStrength > 1) params.set('minStrength', String(state.minStrength));
  return params;
}

export function exportUrl(format: string, state: ViewState, asOf: string): string {
  return `/exports/network.${format}?${scopeParameters(state, asOf).toString()}`;
}

export function renderExportButtons(target: HTMLElement, current: () => { state: ViewState; asOf: string }, report: (message: string) => void): void {
  for (const { format, label } of EXPORT_FORMATS) {
    const button = el('button', label);
    button.type = 'button';
    button.dataset.format = format;
    button.addEventListener('click', async () => {
      const { state, asOf } = current();
      button.disabled = true;
      try {
        const { blob, fileName } = await download(exportUrl(format, state, asOf));
        const link = el('a');
        link.href = URL.createObjectURL(blob);
        link.download = fileName;
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
        report(`Saved ${fileName}.`);
      } catch (error) {
        report(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        button.disabled = false;
      }
    });
    target.append(button);
  }
}
