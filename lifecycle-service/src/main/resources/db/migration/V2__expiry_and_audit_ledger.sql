-- Grant expiry: the end of every grant this service heard of, and whether its revoke command went out.
create table grant_schedule (
    grant_id       text        primary key,
    identity       text        not null,
    entitlement    text,
    role_arn       text,
    ends_at        timestamptz not null,
    status         text        not null check (status in ('ACTIVE', 'REVOKE_SENT', 'ENDED')),
    revoke_sent_at timestamptz,
    updated_at     timestamptz not null
);
create index grant_schedule_due on grant_schedule (ends_at) where status = 'ACTIVE';
create index grant_schedule_identity on grant_schedule (identity);

-- The audit ledger: append-only and hash-chained. Each entry's hash covers its sequence number, the previous
-- entry's hash and its canonical content; audit_head holds the newest link so a removed tail is detected too.
create table audit_entry (
    seq           bigint      primary key,
    entry_id      text        not null unique,
    recorded_at   timestamptz not null,
    occurred_at   timestamptz not null,
    kind          text        not null,
    source        text        not null,
    subject       text,
    identity      text,
    grant_id      text,
    principal_arn text,
    event_id      text,
    content       text        not null,
    prev_hash     text        not null,
    hash          text        not null
);
create index audit_entry_identity on audit_entry (identity, seq);
create index audit_entry_grant on audit_entry (grant_id, seq);
create index audit_entry_principal on audit_entry (principal_arn, seq);
create index audit_entry_kind on audit_entry (kind, seq);
create index audit_entry_occurred on audit_entry (occurred_at);

create table audit_head (
    id   integer primary key check (id = 1),
    seq  bigint  not null,
    hash text    not null
);
insert into audit_head (id, seq, hash) values (1, 0, repeat('0', 64));

create function audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_entry_no_update_or_delete before update or delete on audit_entry
    for each row execute function audit_entry_is_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_is_append_only();
