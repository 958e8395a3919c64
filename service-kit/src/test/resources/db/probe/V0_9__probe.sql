create table probe_received (
    event_id text primary key,
    subject  text    not null,
    times    integer not null
);
