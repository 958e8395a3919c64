-- Changes recorded without the CloudTrail call that caused it: the backfill asks CloudTrail LookupEvents for them
-- later, many at once per account, and gives up after a while. One row per recorded version still waiting.
create table attribution_pending (
    version_id      text        primary key,
    resource_ref    text        not null,
    account_id      text        not null,
    resource_key    text        not null,
    window_from     timestamptz not null,
    window_to       timestamptz not null,
    recorded_at     timestamptz not null,
    next_attempt_at timestamptz not null,
    attempts        integer     not null default 0
);
create index attribution_pending_due on attribution_pending (next_attempt_at);
create index attribution_pending_resource on attribution_pending (account_id, resource_key);
