// Cheapest statement that proves the database answers.
// returns: ok
RETURN 1 AS ok
