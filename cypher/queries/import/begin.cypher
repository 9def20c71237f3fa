// Import: records an import as running, in the transaction of its first batch that
// writes (an import that changes nothing leaves no trace). That batch is written
// alone; the later ones, two at a time, only create their own progress records
// (batchDone) and never wait for one another on this node's lock.
// params: $id, $file, $sha256, $by, $partial: boolean
// returns: id
MERGE (i:Import {id: $id})
ON CREATE SET i.file = $file, i.sha256 = $sha256, i.by = $by, i.partial = $partial,
              i.startedAt = datetime(), i.status = 'running'
RETURN i.id AS id
