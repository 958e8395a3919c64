-- Automatic remediations of findings (off by default per rule): each action once per finding, carried out by a
-- sweep that claims rows, so a replica that dies mid-way leaves the row to be retried by another.
create table remediation (
    id            text        primary key,
    finding_id    text        not null references finding (id),
    account_id    text        not null,
    principal_arn text        not null,
    rule          text        not null,
    kind          text        not null,
    target        text        not null,
    action        text        not null,
    status        text        not null,
    outcome       text,
    attempts      integer     not null,
    created_at    timestamptz not null,
    due_at        timestamptz not null,
    finished_at   timestamptz
);
create unique index remediation_once on remediation (finding_id, kind, target);
create index remediation_due on remediation (due_at) where status in ('PENDING', 'RUNNING');
