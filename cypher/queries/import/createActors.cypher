// Import: creates a batch of actors the same transaction found absent (planActors),
// with :Actor and the label of its kind (a dynamic label: one statement for every
// kind, and no Eager operator, which per-kind FOREACH clauses forced), and its
// import's provenance (importId, importFile, importRow, importedBy). CREATE, not
// MERGE: the unique id constraint still refuses a concurrent duplicate.
// params: $rows: [{id, kind, label, sector, name, organisationNumber, description, website,
//         registeredBy, consentGiven, consentDate: string|null, consentPurpose, row}], $importId, $file, $by
// returns: count
UNWIND $rows AS row
CREATE (a:Actor {id: row.id})
SET a:$(row.label),
    a.kind = row.kind,
    a.sector = row.sector,
    a.name = row.name,
    a.organisationNumber = row.organisationNumber,
    a.description = row.description,
    a.website = row.website,
    a.registeredBy = row.registeredBy,
    a.consentGiven = row.consentGiven,
    a.consentDate = date(row.consentDate),
    a.consentPurpose = row.consentPurpose,
    a.createdAt = datetime(), a.updatedAt = datetime(), a.synthetic = false,
    a.importId = $importId, a.importFile = $file, a.importRow = row.row, a.importedBy = $by
RETURN count(*) AS count
