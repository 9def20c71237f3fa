/** The import form: POST /imports (multipart: file, kind, dryRun, partial); the JSON report is shown as it came. */
import { authHeaders } from './api';
import { byId } from './dom';

export function wireUploadForm(): void {
  const form = byId<HTMLFormElement>('import-form');
  const output = byId('import-report');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    // Unchecked boxes are absent from FormData; the service reads them as false.
    for (const box of ['dryRun', 'partial']) data.set(box, (form.elements.namedItem(box) as HTMLInputElement).checked ? 'true' : 'false');
    if (!data.get('kind')) data.delete('kind');
    output.textContent = 'Uploading…';
    try {
      const response = await fetch('/imports', { method: 'POST', headers: authHeaders(), body: data });
      const text = await response.text();
      let shown = text;
      try {
        shown = JSON.stringify(JSON.parse(text), null, 2);
      } catch {
        // not JSON: show the text
      }
      output.textContent = `HTTP ${response.status}\n${shown}`;
    } catch (error) {
      output.textContent = `Upload failed: ${error instanceof Error ? error.message : String(error)}`;
    }
  });
}
