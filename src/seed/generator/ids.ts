/** Ids of the generated rows: all start `gen-` and are zero-padded, so they never clash with curated rows and sort in generation order. */

const pad = (value: number, width: number): string => String(value).padStart(width, '0');
export const actorId = (index: number): string => `gen-actor-${pad(index, 7)}`;
export const CITY_AREA_ID = 'gen-area-city';
export const districtId = (d: number): string => `gen-area-d${pad(d + 1, 3)}`;
export const neighbourhoodId = (k: number): string => `gen-area-n${pad(k + 1, 4)}`;
export const initiativeId = (j: number): string => `gen-init-${pad(j + 1, 6)}`;
export const collaborationId = (serial: number): string => `gen-collab-${pad(serial, 8)}`;
