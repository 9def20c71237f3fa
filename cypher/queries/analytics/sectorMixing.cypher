// The counts the sector matrix, the E-I index and assortativity need, without
// exporting the network: actors per sector, and distinct actor pairs per pair
// of sectors, under exactly the scope rules of scopeActors and scopeTies (a
// pair with several qualifying ties counts once; with TOUCHING, partners outside
// the area count as actors too). Without an area, every tie is read once in its
// stored direction (smaller id to larger, the invariant of docs/data-model.md);
// with an area, its actors are collected first so that a partner's membership
// is a set lookup, not a path search.
// params: $areaId: string|null, $asOf: string, $kinds: [string]|null, $sectors: [string]|null,
//         $minStrength: int, $touching: boolean
// returns: sizes: [{sector, actors}], pairs: [{sourceSector, targetSector, pairs}] (one row)
CALL () {
  WITH 1 AS guard WHERE $areaId IS NULL
  CALL () {
    MATCH (a:Actor)
    WHERE $sectors IS NULL OR a.sector IN $sectors
    WITH a.sector AS sector, count(*) AS actors
    RETURN collect({sector: sector, actors: actors}) AS sizes
  }
  CALL () {
    MATCH (a:Actor)-[c:COLLABORATES_WITH]->(b:Actor)
    WHERE c.since <= date($asOf) AND (c.until IS NULL OR c.until >= date($asOf))
      AND ($kinds IS NULL OR c.kind IN $kinds)
      AND c.strength >= $minStrength
    WITH DISTINCT a, b
    WITH a.sector AS sourceSector, b.sector AS targetSector
    WHERE $sectors IS NULL OR (sourceSector IN $sectors AND targetSector IN $sectors)
    WITH sourceSector, targetSector, count(*) AS pairs
    RETURN collect({sourceSector: sourceSector, targetSector: targetSector, pairs: pairs}) AS pairs
  }
  RETURN sizes, pairs
  UNION
  WITH 1 AS guard WHERE $areaId IS NOT NULL
  OPTIONAL MATCH (:Area {id: $areaId})<-[:PART_OF*0..]-(:Area)<-[m:ACTIVE_IN]-(a:Actor)
  WHERE m.since <= date($asOf) AND (m.until IS NULL OR m.until >= date($asOf))
    AND ($sectors IS NULL OR a.sector IN $sectors)
  WITH guard, collect(DISTINCT a) AS members
  CALL (members) {
    UNWIND members AS a
    MATCH (a)-[c:COLLABORATES_WITH]-(b:Actor)
    WHERE c.since <= date($asOf) AND (c.until IS NULL OR c.until >= date($asOf))
      AND ($kinds IS NULL OR c.kind IN $kinds)
      AND c.strength >= $minStrength
      AND ($sectors IS NULL OR b.sector IN $sectors)
    WITH a, b, b IN members AS inside
    WHERE (inside AND a.id < b.id) OR (NOT inside AND $touching)
    WITH DISTINCT a, b, inside
    WITH a.sector AS sourceSector, b.sector AS targetSector, count(*) AS pairs, collect(CASE WHEN inside THEN null ELSE b END) AS outside
    RETURN collect({sourceSector: sourceSector, targetSector: targetSector, pairs: pairs}) AS pairs,
           reduce(all = [], list IN collect(outside) | all + list) AS outsiders
  }
  CALL (members, outsiders) {
    UNWIND members + outsiders AS actor
    WITH DISTINCT actor
    WITH actor.sector AS sector, count(*) AS actors
    RETURN collect({sector: sector, actors: actors}) AS sizes
  }
  RETURN sizes, pairs
}
RETURN sizes, pairs
