-- One database per service, all owned by the application role. Run once by the postgres image on an empty volume
-- (files in /docker-entrypoint-initdb.d); every statement stands alone because CREATE DATABASE refuses transactions.
CREATE ROLE accessloop LOGIN PASSWORD 'accessloop';
CREATE DATABASE broker OWNER accessloop;
CREATE DATABASE drift OWNER accessloop;
CREATE DATABASE lifecycle OWNER accessloop;
REVOKE CONNECT ON DATABASE broker FROM PUBLIC;
REVOKE CONNECT ON DATABASE drift FROM PUBLIC;
REVOKE CONNECT ON DATABASE lifecycle FROM PUBLIC;
