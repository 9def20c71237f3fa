/**
 * What the page shows, kept in the query string so a view can be shared and
 * reloaded: area, date, step, filters, node size and the selected actor.
 */
export type SizeBy = 'degree' | 'betweenness';
export type Step = 'month' | 'quarter';

export interface ViewState {
  area: string | null;
  asOf: string | null;
  step: Step;
  sectors: string[];
  kinds: string[];
  minStrength: number;
  sizeBy: SizeBy;
  actor: string | null;
}

const list = (value: string | null): string[] => (value ? value.split(',').filter(Boolean) : []);
const isDate = (value: string | null): value is string => !!value && /^\d{4}-\d{2}-\d{2}$/.test(value);

export function readViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const strength = Number(params.get('minStrength'));
  return {
    area: params.get('area'),
    asOf: isDate(params.get('asOf')) ? params.get('asOf') : null,
    step: params.get('step') === 'quarter' ? 'quarter' : 'month',
    sectors: list(params.get('sectors')),
    kinds: list(params.get('kinds')),
    minStrength: Number.isInteger(strength) && strength >= 1 && strength <= 5 ? strength : 1,
    sizeBy: params.get('size') === 'betweenness' ? 'betweenness' : 'degree',
    actor: params.get('actor'),
  };
}

/** The query string of a state; the same parameter names as the export URLs where they overlap. */
export function viewStateQuery(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.area) params.set('area', state.area);
  if (state.asOf) params.set('asOf', state.asOf);
  if (state.step !== 'month') params.set('step', state.step);
  if (state.sectors.length) params.set('sectors', state.sectors.join(','));
  if (state.kinds.length) params.set('kinds', state.kinds.join(','));
  if (state.minStrength > 1) params.set('minStrength', String(state.minStrength));
  if (state.sizeBy !== 'degree') params.set('size', state.sizeBy);
  if (state.actor) params.set('actor', state.actor);
  return params.toString();
}

/** The API's scope for a state: the same filters the drawing, the panels and the exports use. */
export function scopeOf(state: ViewState, asOf: string): Record<string, unknown> {
  return {
    ...(state.area ? { areaId: state.area } : {}),
    asOf,
    ...(state.sectors.length ? { sectors: state.sectors } : {}),
    ...(state.kinds.length ? { kinds: state.kinds } : {}),
    ...(state.minStrength > 1 ? { minStrength: state.minStrength } : {}),
  };
}
