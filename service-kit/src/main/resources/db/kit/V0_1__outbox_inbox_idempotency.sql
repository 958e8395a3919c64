-- Shared by every service (service-kit): transactional outbox, inbox and idempotency keys.

create table outbox_event (
    id          bigserial primary key,
    event_id    text        not null unique,
    address     text        not null,
    type        text        not null,
    subject     text        not null,
    envelope    text        not null,
    created_at  timestamptz not null default now(),
    sent_at     timestamptz,
    attempts    integer     not null default 0,
    last_error  text
);
create index outbox_event_unsent on outbox_event (id) where sent_at is null;

create table inbox_event (
    consumer     text        not null,
    event_id     text        not null,
    type         text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);

create table idempotency_key (
    scope        text        not null,
    caller       text        not null,
    key          text        not null,
    fingerprint  text        not null,
    status       integer     not null,
    body         text        not null,
    created_at   timestamptz not null default now(),
    primary key (scope, caller, key)
);
