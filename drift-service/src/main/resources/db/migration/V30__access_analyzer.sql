-- Access Analyzer beside right-sizing (issue 13): AWS's checks stored with each proposal, last-accessed details
-- from unused-access findings merged into the usage store, policy generation runs, and CloudTrail event ids
-- counted from the EventBridge stream and LookupEvents (so one event is counted once whichever source saw it).

alter table rs_proposal add column analyzer_checks text;

-- last use of an action as another source reports it (Access Analyzer's unused-permission details)
create table rs_external_last_access (
    principal_arn text        not null,
    action        text        not null,
    source        text        not null,
    last_accessed timestamptz not null,
    updated_at    timestamptz not null,
    primary key (principal_arn, action, source)
);

create table rs_generated_policy (
    id            text primary key,
    proposal_id   text        not null,
    principal_arn text        not null,
    job_id        text        not null,
    status        text        not null,
    started_at    timestamptz not null,
    completed_at  timestamptz,
    policies      text,
    comparison    text,
    error         text
);
create index rs_generated_policy_proposal on rs_generated_policy (proposal_id, started_at);

create table rs_seen_event (
    event_id   text primary key,
    event_time timestamptz not null
);
create index rs_seen_event_time on rs_seen_event (event_time);
