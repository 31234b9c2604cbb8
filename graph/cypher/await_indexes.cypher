// Wait (up to $seconds) until every index and constraint is online, e.g. after a bulk import.
CALL db.awaitIndexes($seconds)
