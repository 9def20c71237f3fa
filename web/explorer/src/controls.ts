/** Builds the controls whose options come from data: the area picker, the sector legend (also the sector filter) and the tie kinds. */
import { el } from './dom';
import { SECTORS, SECTOR_KINDS, sectorColour, sectorLabel, TIE_KINDS } from './sectors';

export interface AreaRow {
  id: string;
  name: string;
  level: 'CITY' | 'DISTRICT' | 'NEIGHBOURHOOD';
  parent: { id: string } | null;
}

/** Areas in tree order (city, each district, its neighbourhoods), indented, so sub-areas sit under their area. */
export function fillAreaSelect(select: HTMLSelectElement, areas: AreaRow[]): void {
  const children = new Map<string | null, AreaRow[]>();
  for (const area of areas) {
    const key = area.parent?.id ?? null;
    children.set(key, [...(children.get(key) ?? []), area]);
  }
  const known = new Set(areas.map((a) => a.id));
  const roots = areas.filter((a) => !a.parent || !known.has(a.parent.id));
  const add = (area: AreaRow, depth: number) => {
    const option = el('option', `${'\u00a0\u00a0'.repeat(depth)}${area.name}`);
    option.value = area.id;
    select.append(option);
    for (const child of (children.get(area.id) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'sv'))) add(child, depth + 1);
  };
  select.replaceChildren();
  for (const root of roots) add(root, 0);
}

function checkbox(name: string, value: string, checked: boolean): HTMLInputElement {
  const input = el('input');
  input.type = 'checkbox';
  input.name = name;
  input.value = value;
  input.checked = checked;
  return input;
}

export function buildLegend(target: HTMLElement, selected: string[]): void {
  target.replaceChildren();
  for (const sector of SECTORS) {
    const item = el('li');
    const label = el('label');
    const swatch = el('span', '', 'swatch');
    swatch.style.background = sectorColour(sector);
    const count = el('span', '', 'count');
    count.dataset.sectorCount = sector;
    const [swedish, english] = sectorLabel(sector).split(' / ');
    const text = el('span', '', 'legend-text');
    text.append(el('span', swedish, 'sv'), el('small', `${english} · kind ${SECTOR_KINDS[sector].toLowerCase().replace(/_/g, ' ')}`));
    label.append(checkbox('sector', sector, selected.length === 0 || selected.includes(sector)), swatch, text, count);
    item.append(label);
    target.append(item);
  }
}

export function buildTieKinds(target: HTMLElement, selected: string[]): void {
  target.replaceChildren();
  for (const kind of TIE_KINDS) {
    const label = el('label');
    label.append(checkbox('tie-kind', kind, selected.length === 0 || selected.includes(kind)), el('span', ` ${kind.toLowerCase().replace(/_/g, ' ')}`));
    target.append(label);
  }
}

/** The checked values, or [] when all are checked (no filter). */
export function checkedValues(container: HTMLElement, name: string): string[] {
  const boxes = [...container.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)];
  const checked = boxes.filter((b) => b.checked).map((b) => b.value);
  return checked.length === boxes.length ? [] : checked;
}

export function showSectorCounts(target: HTMLElement, counts: Map<string, number>): void {
  for (const span of target.querySelectorAll<HTMLElement>('[data-sector-count]')) span.textContent = ` ${counts.get(span.dataset.sectorCount ?? '') ?? 0}`;
}
