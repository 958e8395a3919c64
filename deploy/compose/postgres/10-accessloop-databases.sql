-- One database and one login role per service: a service can neither read nor connect to another's data.
-- Run once by the postgres image on an empty volume (files in /docker-entrypoint-initdb.d); every statement stands
-- alone because CREATE DATABASE refuses transactions. The passwords are laptop demo values: production databases are
-- made by the operator (docs/operations.md) with secrets that never enter the repository.
CREATE ROLE broker LOGIN PASSWORD 'broker-local-demo';
CREATE ROLE drift LOGIN PASSWORD 'drift-local-demo';
CREATE ROLE lifecycle LOGIN PASSWORD 'lifecycle-local-demo';
CREATE DATABASE broker OWNER broker;
CREATE DATABASE drift OWNER drift;
CREATE DATABASE lifecycle OWNER lifecycle;
REVOKE CONNECT, TEMPORARY ON DATABASE broker FROM PUBLIC;
REVOKE CONNECT, TEMPORARY ON DATABASE drift FROM PUBLIC;
REVOKE CONNECT, TEMPORARY ON DATABASE lifecycle FROM PUBLIC;
