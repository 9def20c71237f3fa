// Seed: upserts a batch of actors by id, each with :Actor and the label of its kind
// (labels cannot be parameters, hence one FOREACH per kind). Dates arrive as
// YYYY-MM-DD strings; a null value leaves the property absent.
// params: $rows: [{id, kind, sector, name, description, website, organisationNumber,
//         consentGiven, consentDate, consentPurpose, synthetic}]
// returns: count
UNWIND $rows AS row
MERGE (a:Actor {id: row.id})
ON CREATE SET a.createdAt = datetime()
SET a.kind = row.kind,
    a.sector = row.sector,
    a.name = row.name,
    a.description = row.description,
    a.website = row.website,
    a.organisationNumber = row.organisationNumber,
    a.consentGiven = row.consentGiven,
    a.consentDate = date(row.consentDate),
    a.consentPurpose = row.consentPurpose,
    a.synthetic = row.synthetic,
    a.updatedAt = datetime()
FOREACH (_ IN CASE WHEN row.kind = 'CITIZEN' THEN [1] ELSE [] END | SET a:Citizen)
FOREACH (_ IN CASE WHEN row.kind = 'ASSOCIATION' THEN [1] ELSE [] END | SET a:Association)
FOREACH (_ IN CASE WHEN row.kind = 'COMPANY' THEN [1] ELSE [] END | SET a:Company)
FOREACH (_ IN CASE WHEN row.kind = 'CITY_DEPARTMENT' THEN [1] ELSE [] END | SET a:CityDepartment)
FOREACH (_ IN CASE WHEN row.kind = 'ACADEMIC_INSTITUTION' THEN [1] ELSE [] END | SET a:AcademicInstitution)
RETURN count(*) AS count
