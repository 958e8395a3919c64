-- People as HR and the broker know them (DESIGN §9: keyed by lower-cased e-mail).
create table identity (
    email       text        primary key,
    employee_id text,
    team        text,
    status      text        not null check (status in ('ACTIVE', 'SUSPENDED', 'OFFBOARDING', 'OFFBOARDED')),
    updated_at  timestamptz not null
);

-- Every accepted HR webhook call and the answer it got: a replay of the same event id gets the same answer.
create table hr_event (
    event_id    text        primary key,
    source      text        not null,
    type        text        not null,
    email       text        not null,
    body_sha256 text        not null,
    status      integer     not null,
    response    text        not null,
    received_at timestamptz not null
);

-- Offboarding cases: a persisted saga. next_step is the first step not yet committed; a worker holds a case
-- through a lease, and a case whose lease ran out (a crashed worker) is taken over at next_step.
create table offboarding_case (
    id              text        primary key,
    identity        text        not null,
    employee_id     text,
    status          text        not null check (status in ('RECEIVED', 'SCHEDULED', 'RUNNING', 'RETRYING', 'VERIFIED', 'CLOSED')),
    next_step       text        not null,
    trigger         text        not null,
    requested_by    text        not null,
    reason          text,
    hr_event_id     text,
    effective_at    timestamptz not null,
    next_attempt_at timestamptz,
    lease_owner     text,
    lease_until     timestamptz,
    attempts        integer     not null,
    last_error      text,
    steps           text        not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    closed_at       timestamptz
);
create unique index offboarding_case_one_open_per_identity on offboarding_case (identity) where status <> 'CLOSED';
create index offboarding_case_pending on offboarding_case (created_at) where status <> 'CLOSED';
