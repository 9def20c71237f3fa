// The erasure event: what was removed and by whom, and no personal data.
// params: $id, $by (principal id), $ties, $memberships, $participations, $reason ('ERASURE' | 'CONSENT_WITHDRAWN')
// returns: erasure
CREATE (e:Erasure {id: $id, at: datetime(), by: $by, ties: $ties, memberships: $memberships, participations: $participations, reason: $reason})
RETURN e {.*} AS erasure
