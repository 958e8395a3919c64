-- Leases for sweeps that must not run on two replicas at once (e.g. the daily inactive-user sweep).
create table sweep_lease (
    name   text        primary key,
    holder text        not null,
    until  timestamptz not null
);
