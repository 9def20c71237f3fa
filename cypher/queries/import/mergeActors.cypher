// Import: creates or updates a batch of actors by id, with :Actor and the label of
// its kind (labels cannot be parameters, hence one FOREACH per kind). A created
// actor records its import (importId, importFile, importRow, importedBy) and keeps
// it; an updated one records only updatedByImport. Empty optional cells (null)
// leave stored values alone.
// params: $rows: [{id, kind, sector, name, organisationNumber, description, website,
//         registeredBy, consentGiven, consentDate: string|null, consentPurpose, row}], $importId, $file, $by
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
FOREACH (_ IN CASE WHEN row.kind = 'CITIZEN' THEN [1] ELSE [] END | SET a:Citizen)
FOREACH (_ IN CASE WHEN row.kind = 'ASSOCIATION' THEN [1] ELSE [] END | SET a:Association)
FOREACH (_ IN CASE WHEN row.kind = 'COMPANY' THEN [1] ELSE [] END | SET a:Company)
FOREACH (_ IN CASE WHEN row.kind = 'CITY_DEPARTMENT' THEN [1] ELSE [] END | SET a:CityDepartment)
FOREACH (_ IN CASE WHEN row.kind = 'ACADEMIC_INSTITUTION' THEN [1] ELSE [] END | SET a:AcademicInstitution)
RETURN count(*) AS count
