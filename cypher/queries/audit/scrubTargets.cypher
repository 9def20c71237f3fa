// Part of an erasure: every audit target that is, or contains, the erased citizen's id
// (or one of the erased ties' ids) is replaced by the erasure's id.
// params: $citizenId, $tieIds: [string], $replacement
// returns: scrubbed (entries changed)
MATCH (e:AuditEntry)
WHERE any(t IN e.targets WHERE t IN $tieIds OR t CONTAINS $citizenId)
SET e.targets = [t IN e.targets | CASE WHEN t IN $tieIds OR t CONTAINS $citizenId THEN $replacement ELSE t END]
RETURN count(e) AS scrubbed
