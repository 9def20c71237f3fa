import type { Sector } from '../../model';
import type { AssortativityResult } from '../measures/assortativity';
import type { EIIndexResult, EIValue } from '../measures/eiIndex';
import { sectorIndex } from '../measures/sectorMixing';
import type { SectorMatrixResult } from '../measures/sectorMatrix';
import { CITIZEN, scopeWithholding, type ScopeWithholding } from './citizenBasis';
import { methodView, type Analysed } from './methodView';
import type { ResponseSuppression, Suppressor } from './suppressor';

/**
 * The caller's views of the three measures of the sector mixing. Each starts
 * from the cached, unsuppressed result and builds new objects: the cached value
 * is shared by every caller and never changed.
 */

const WITHHELD = (k: number) => `Withheld: it would reveal a count of fewer than ${k} citizens (or of their ties), and the caller has no citizen access.`;

/** The CITIZEN row and column of the matrix; every other cell holds no citizen. */
export function sectorMatrixView(suppressor: Suppressor, analysed: Analysed<SectorMatrixResult>) {
  const record = suppressor.response();
  const withholding = scopeWithholding(record, analysed.citizenBasis);
  const sectors = analysed.sectors.map((row) => {
    const suppressed = row.sector === 'CITIZEN' && withholding.citizens;
    return { sector: row.sector, actors: record.keep(row.actors, suppressed), suppressed };
  });
  const cells = analysed.cells.map((cell) => {
    const other: Sector | null = cell.sectorA === 'CITIZEN' ? cell.sectorB : cell.sectorB === 'CITIZEN' ? cell.sectorA : null;
    if (other === null) return { ...cell, suppressed: false };
    // possiblePairs is nC·nB (or nC(nC−1)/2) and density ties ÷ possiblePairs: each gives back what it rests on.
    const tiesWithheld = withholding.cell[sectorIndex(other)];
    const pairsWithheld = withholding.citizens;
    return {
      sectorA: cell.sectorA,
      sectorB: cell.sectorB,
      ties: record.keep(cell.ties, tiesWithheld),
      possiblePairs: record.keep(cell.possiblePairs, pairsWithheld),
      density: record.keep(cell.density, tiesWithheld || pairsWithheld),
      suppressed: tiesWithheld || pairsWithheld,
    };
  });
  return {
    sectors,
    cells,
    totalTies: record.keep(analysed.totalTies, withholding.ties),
    totalTiesSuppressed: withholding.ties,
    method: methodView(record, analysed.method, withholding),
  };
}

function eiValueView(record: ResponseSuppression, k: number, value: EIValue, externalWithheld: boolean, internalWithheld: boolean) {
  const suppressed = externalWithheld || internalWithheld;
  return {
    external: record.keep(value.external, externalWithheld),
    internal: record.keep(value.internal, internalWithheld),
    value: record.keep(value.value, suppressed),
    reason: suppressed ? WITHHELD(k) : value.reason,
    suppressed,
  };
}

/**
 * E of a sector counts its ties to every other sector, so E of sector k rests on
 * the CITIZEN–k cell; CITIZEN's own E on all its cross-sector cells and its I on
 * CITIZEN–CITIZEN; the overall E and I on the same; the expected value on the
 * sector sizes, hence on the number of citizens.
 */
export function eiIndexView(suppressor: Suppressor, analysed: Analysed<EIIndexResult>) {
  const record = suppressor.response();
  const withholding: ScopeWithholding = scopeWithholding(record, analysed.citizenBasis);
  const bySector = analysed.bySector.map(({ sector, index }) => {
    const at = sectorIndex(sector);
    const external = at === CITIZEN ? withholding.crossTies : withholding.cell[at];
    const internal = at === CITIZEN && withholding.cell[CITIZEN];
    return { sector, index: eiValueView(record, suppressor.k, index, external, internal) };
  });
  return {
    overall: eiValueView(record, suppressor.k, analysed.overall, withholding.crossTies, withholding.cell[CITIZEN]),
    bySector,
    expected: record.keep(analysed.expected, withholding.citizens),
    expectedReason: withholding.citizens ? WITHHELD(suppressor.k) : analysed.expectedReason,
    expectedSuppressed: withholding.citizens,
    method: methodView(record, analysed.method, withholding),
  };
}

/**
 * r is a function of every cell of the mixing matrix: with the others shown, one
 * equation gives a withheld cell back. The sector modularity is r's numerator,
 * a function of the same cells, so it is withheld with r, under the same flag.
 */
export function assortativityView(suppressor: Suppressor, analysed: Analysed<AssortativityResult>) {
  const record = suppressor.response();
  const withholding = scopeWithholding(record, analysed.citizenBasis);
  return {
    coefficient: record.keep(analysed.coefficient, withholding.ties),
    reason: withholding.ties ? WITHHELD(suppressor.k) : analysed.reason,
    sectorModularity: record.keep(analysed.sectorModularity, withholding.ties),
    suppressed: withholding.ties,
    method: methodView(record, analysed.method, withholding),
  };
}
