// Creates one actor with the generic :Actor label and the label of its kind
// (labels cannot be parameters, hence one FOREACH per kind).
// params: $props: map (id, kind, sector, name, description, website, organisationNumber,
//         consentGiven, consentDate: string, consentPurpose, synthetic)
// returns: actor
CREATE (a:Actor)
SET a += $props,
    a.consentDate = CASE WHEN $props.consentDate IS NULL THEN null ELSE date($props.consentDate) END,
    a.createdAt = datetime(), a.updatedAt = datetime()
FOREACH (_ IN CASE WHEN $props.kind = 'CITIZEN' THEN [1] ELSE [] END | SET a:Citizen)
FOREACH (_ IN CASE WHEN $props.kind = 'ASSOCIATION' THEN [1] ELSE [] END | SET a:Association)
FOREACH (_ IN CASE WHEN $props.kind = 'COMPANY' THEN [1] ELSE [] END | SET a:Company)
FOREACH (_ IN CASE WHEN $props.kind = 'CITY_DEPARTMENT' THEN [1] ELSE [] END | SET a:CityDepartment)
FOREACH (_ IN CASE WHEN $props.kind = 'ACADEMIC_INSTITUTION' THEN [1] ELSE [] END | SET a:AcademicInstitution)
RETURN a {.*} AS actor
