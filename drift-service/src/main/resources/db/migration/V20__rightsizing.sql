-- Right-sizing (issue 8): compact usage, collection checkpoints, proposals.

-- CloudTrail usage folded per principal, IAM action, resource ('' when unknown) and UTC day
create table rs_usage_daily (
    principal_arn text        not null,
    action        text        not null,
    resource      text        not null,
    day           date        not null,
    allowed       bigint      not null,
    denied        bigint      not null,
    first_seen    timestamptz not null,
    last_seen     timestamptz not null,
    primary key (principal_arn, action, resource, day)
);
create index rs_usage_daily_principal_day on rs_usage_daily (principal_arn, day);

-- refused calls one by one (rare), for the AccessDenied watch after apply
create table rs_denied_call (
    event_id      text primary key,
    principal_arn text        not null,
    action        text        not null,
    event_time    timestamptz not null
);
create index rs_denied_call_principal_time on rs_denied_call (principal_arn, event_time);

-- where each usage source got to; one row per source, claimed with FOR UPDATE SKIP LOCKED
create table rs_usage_source (
    source            text primary key,
    checkpoint        timestamptz,
    ids_at_checkpoint text not null default '',
    covered_from      timestamptz,
    updated_at        timestamptz
);

-- CloudTrail log files already read from a directory
create table rs_log_file (
    path    text primary key,
    read_at timestamptz not null,
    records bigint      not null
);

create table rs_proposal (
    id                  text primary key,
    account_id          text        not null,
    principal_arn       text        not null,
    kind                text        not null,
    status              text        not null,
    mode                text        not null,
    confidence          text        not null,
    summary             text        not null,
    removed_permissions integer     not null,
    proven              boolean     not null,
    baseline            text        not null,
    changes             text        not null,
    evidence            text        not null,
    proof               text,
    created_at          timestamptz not null,
    decided_by          text,
    decided_at          timestamptz,
    applied_by          text,
    applied_at          timestamptz,
    watch_until         timestamptz,
    closed_at           timestamptz,
    closed_by           text,
    close_reason        text
);
create index rs_proposal_principal on rs_proposal (principal_arn, status);
create index rs_proposal_status on rs_proposal (status, watch_until);
