// Import: creates or updates a batch of actors by id, with :Actor and the label of
// its kind (a dynamic label: FOREACH per kind forced an Eager operator). A created
// actor records its import (importId, importFile, importRow, importedBy) and keeps
// it; an updated one records only updatedByImport. Empty optional cells (null)
// leave stored values alone.
// params: $rows: [{id, kind, sector, name, organisationNumber, description, website,
//         label, registeredBy, consentGiven, consentDate: string|null, consentPurpose, row}], $importId, $file, $by
// returns: count
UNWIND $rows AS row
MERGE (a:Actor {id: row.id})
ON CREATE SET a.createdAt = datetime(), a.synthetic = false,
              a.importId = $importId, a.importFile = $file, a.importRow = row.row, a.importedBy = $by
ON MATCH SET a.updatedByImport = $importId
SET a.kind = row.kind,
    a.sector = row.sector,
    a.name = coalesce(row.name, a.name),
    a.organisationNumber = coalesce(row.organisationNumber, a.organisationNumber),
    a.description = coalesce(row.description, a.description),
    a.website = coalesce(row.website, a.website),
    a.registeredBy = coalesce(row.registeredBy, a.registeredBy),
    a.consentGiven = coalesce(row.consentGiven, a.consentGiven),
    a.consentDate = coalesce(date(row.consentDate), a.consentDate),
    a.consentPurpose = coalesce(row.consentPurpose, a.consentPurpose),
    a.updatedAt = datetime()
SET a:$(row.label)
RETURN count(*) AS count
