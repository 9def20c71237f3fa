/** Small DOM helpers: text only through textContent, so nothing from the API is parsed as HTML. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The page has no #${id}.`);
  return element as T;
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (text !== undefined) element.textContent = text;
  if (className) element.className = className;
  return element;
}

export function formatNumber(value: number | null | undefined, digits = 2): string {
  return value === null || value === undefined ? '–' : value.toFixed(digits);
}

/** The page's notice line (hidden when empty): what failed and why. */
export function showNotice(message: string | null): void {
  const notice = byId('notice');
  notice.textContent = message ?? '';
  notice.hidden = !message;
}

/** The status line: what the page is waiting for. */
export function showStatus(message: string): void {
  byId('status').textContent = message;
}
