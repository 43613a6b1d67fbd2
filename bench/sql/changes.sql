-- A change-feed page (limit 100: 101 rows are read to know whether more wait).
-- The SQL EF Core sends (bench/RawApp/Sql.cs), for pgbench -M prepared; bench/run.sh passes the -D variables.
SELECT c.sequence, c.occurred_at, c.action, c.resource_type, c.resource_key, c.version, c.link
FROM change_records AS c
WHERE c.sequence > :after AND c.public AND c.sequence < change_feed_horizon()
ORDER BY c.sequence
LIMIT :limit1;
