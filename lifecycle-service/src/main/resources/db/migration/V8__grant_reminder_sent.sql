-- Every GRANT_EXPIRING reminder published, by grant, end and lead. The reminder sweep publishes a reminder only when
-- its row here is new, so no (grant, end, lead) is ever announced twice, even when a grant's end moves away and back
-- (a repeated activation, extensions arriving out of order). Rows go when the grant ends.
create table grant_reminder_sent (
    grant_id     text        not null,
    ends_at      timestamptz not null,
    lead_seconds bigint      not null,
    sent_at      timestamptz not null,
    primary key (grant_id, ends_at, lead_seconds)
);
