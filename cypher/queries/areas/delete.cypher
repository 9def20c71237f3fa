// Deletes an area with its memberships and initiative links.
// params: $id
// returns: deleted
OPTIONAL MATCH (area:Area {id: $id})
DETACH DELETE area
RETURN count(area) AS deleted
