// Records one mutation call. Holds no personal data: ids only.
// params: $id (sortable: time + random), $principal, $operation, $targets: [string], $outcome
// returns: id
CREATE (e:AuditEntry {id: $id, at: datetime(), principal: $principal, operation: $operation, targets: $targets, outcome: $outcome})
RETURN e.id AS id
