-- Raw AWS notifications, stored before the ingest endpoint answers; processed later from accessloop.aws.changes.
create table raw_event (
    id           text        primary key,
    source_id    text        not null,
    kind         text        not null,
    account_id   text        not null,
    body         text        not null,
    received_at  timestamptz not null,
    processed_at timestamptz,
    outcome      text
);
create unique index raw_event_source on raw_event (source_id);

-- Current state of every IAM user, group, role and customer-managed policy, per account.
create table iam_resource (
    id              text        primary key,
    account_id      text        not null,
    resource_type   text        not null,
    resource_id     text        not null,
    name            text        not null,
    arn             text        not null,
    deleted         boolean     not null,
    managed         boolean     not null,
    state           text        not null,
    captured_at     timestamptz not null,
    state_id        bigint,
    version         integer     not null,
    changed_by      text,
    source_identity text,
    updated_at      timestamptz not null
);
create unique index iam_resource_arn on iam_resource (account_id, arn);
create index iam_resource_listing on iam_resource (resource_type, name, id);

-- Every accepted state of a resource, oldest first by version.
create table iam_resource_version (
    id              text        primary key,
    resource_ref    text        not null references iam_resource (id),
    version         integer     not null,
    change_type     text        not null,
    source          text        not null,
    state           text        not null,
    captured_at     timestamptz not null,
    state_id        bigint,
    changed_by      text,
    source_identity text,
    recorded_at     timestamptz not null
);
create unique index iam_resource_version_order on iam_resource_version (resource_ref, version);

-- Who changed what: IAM write calls seen in CloudTrail.
create table iam_change (
    id              text        primary key,
    event_id        text        not null,
    account_id      text        not null,
    event_source    text        not null,
    event_name      text        not null,
    resource_key    text,
    actor_arn       text,
    source_identity text,
    by_accessloop   boolean     not null,
    occurred_at     timestamptz not null,
    parameters      text,
    raw_event_id    text
);
create unique index iam_change_event on iam_change (event_id);
create index iam_change_resource on iam_change (account_id, resource_key, occurred_at);

-- Roles Accessloop hands out (learned from access events) and when it last revoked on them.
create table managed_role (
    role_arn          text        primary key,
    account_id        text        not null,
    last_grant_at     timestamptz,
    last_revocation_at timestamptz
);

create table finding (
    id                 text        primary key,
    account_id         text        not null,
    principal_arn      text        not null,
    resource_type      text        not null,
    rule               text        not null,
    dedup_key          text        not null,
    severity           text        not null,
    severity_rank      integer     not null,
    status             text        not null,
    summary            text        not null,
    evidence           text        not null,
    changed_by         text,
    source_identity    text,
    opened_at          timestamptz not null,
    last_seen_at       timestamptz not null,
    resolved_at        timestamptz,
    resolution         text,
    suppressed_until   timestamptz,
    suppression_reason text,
    suppressed_by      text
);
-- at most one live (open or suppressed) finding per condition
create unique index finding_live_key on finding (rule, account_id, principal_arn, dedup_key) where status <> 'RESOLVED';
create index finding_listing on finding (status, opened_at, id);
create index finding_suppressed on finding (suppressed_until) where status = 'SUPPRESSED';

-- Reconciliation runs and the lease that keeps one replica at a time on them.
create table reconcile_run (
    id          text        primary key,
    trigger     text        not null,
    requested_by text,
    source      text,
    status      text        not null,
    started_at  timestamptz not null,
    finished_at timestamptz,
    scanned     integer     not null,
    changed     integer     not null,
    detail      text
);

create table reconcile_lease (
    name   text        primary key,
    holder text,
    until  timestamptz not null
);
insert into reconcile_lease (name, holder, until) values ('reconcile', null, '1970-01-01T00:00:00Z');
