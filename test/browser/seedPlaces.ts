/** The Malmö seed's areas and actors the browser tests look at. */
export const ROSENGARD = 'area-rosengard';
export const MALMO = 'area-malmo';
/** Two partners of Malmö Tillsammans, tied from 2021-01-01 to 2023-02-28 in the seed. */
export const IDEELLA = 'malmo-ideella';
export const SENSUS = 'sensus-skane-blekinge';
