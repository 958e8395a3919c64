-- Reminders before a grant's end: one row per grant and lead, re-planned when the end moves.
-- PENDING rows are claimed by the reminder sweep (FOR UPDATE SKIP LOCKED) once due_at has come.
create table grant_reminder (
    grant_id     text        not null,
    lead_seconds bigint      not null check (lead_seconds > 0),
    ends_at      timestamptz not null,
    due_at       timestamptz not null,
    status       text        not null check (status in ('PENDING', 'SENT', 'SKIPPED', 'CANCELLED')),
    sent_at      timestamptz,
    updated_at   timestamptz not null,
    primary key (grant_id, lead_seconds)
);
create index grant_reminder_due on grant_reminder (due_at) where status = 'PENDING';
