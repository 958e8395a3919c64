-- Roles whose owner is missing, unknown or gone: one row per principal, open until the cause goes away.
create table orphan_finding (
    principal_arn   text        primary key,
    finding_id      text        not null unique,
    owner           text,
    workload        text,
    reason          text        not null,
    proposed_action text        not null,
    status          text        not null check (status in ('OPEN', 'RESOLVED')),
    detected_at     timestamptz not null,
    resolved_at     timestamptz
);
