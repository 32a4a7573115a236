#!/bin/sh
# Least privilege: iag_owner (created by the image) owns the schema, migrates and purges by
# retention (`iag-gateway audit purge`); iag_app, the gateways' role, reads, inserts and
# updates rows (chain head, quota counters) but can neither DELETE nor change the schema.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
CREATE ROLE iag_app LOGIN PASSWORD '${IAG_APP_DB_PASSWORD}';
GRANT CONNECT ON DATABASE ${POSTGRES_DB} TO iag_app;
GRANT USAGE ON SCHEMA public TO iag_app;
ALTER DEFAULT PRIVILEGES FOR ROLE ${POSTGRES_USER} IN SCHEMA public
  GRANT SELECT, INSERT, UPDATE ON TABLES TO iag_app;
ALTER DEFAULT PRIVILEGES FOR ROLE ${POSTGRES_USER} IN SCHEMA public
  GRANT USAGE, SELECT ON SEQUENCES TO iag_app;
SQL
