-- drift-service schema. Shared tables (outbox, inbox, idempotency) come from service-kit (db/kit).
create table service_info (
    key   text primary key,
    value text not null
);
insert into service_info (key, value) values ('schema', 'drift-service');
