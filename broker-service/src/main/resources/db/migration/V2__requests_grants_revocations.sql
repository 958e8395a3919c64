-- Access requests and their approvals, grants, and the revocation entries behind each role's deny policy.

create table access_request (
    id                  text        primary key,
    requester           text        not null,
    entitlement         text        not null,
    account_id          text        not null,
    role_arn            text        not null,
    reason              text        not null,
    ticket              text,
    duration_seconds    bigint      not null,
    break_glass         boolean     not null,
    extends_grant_id    text,
    status              text        not null,
    rule_automatic      boolean     not null,
    required_approvals  integer     not null,
    approver_groups     text        not null,
    rule_explanation    text        not null,
    created_at          timestamptz not null,
    expires_at          timestamptz not null,
    decided_at          timestamptz,
    decided_by          text,
    decision_comment    text,
    grant_id            text
);
create index access_request_requester on access_request (requester, id);
create index access_request_pending on access_request (expires_at) where status = 'PENDING';

create table request_approval (
    request_id   text        not null references access_request (id),
    approver     text        not null,
    comment      text,
    approved_at  timestamptz not null,
    primary key (request_id, approver)
);

create table access_grant (
    id                   text        primary key,
    request_id           text        not null,
    identity             text        not null,
    entitlement          text        not null,
    account_id           text        not null,
    role_arn             text        not null,
    session_policy       text,
    starts_at            timestamptz not null,
    ends_at              timestamptz not null,
    break_glass          boolean     not null,
    status               text        not null,
    ended_at             timestamptz,
    ended_by             text,
    end_reason           text,
    revocation_verified  boolean,
    reviewed_at          timestamptz,
    reviewed_by          text,
    review_comment       text
);
create index access_grant_identity on access_grant (identity, id);
create index access_grant_active on access_grant (role_arn) where status = 'ACTIVE';

-- One row per role: the lock that serialises writes of its accessloop-revocations policy across replicas.
create table revocation_role (
    role_arn          text        primary key,
    policy_characters integer     not null,
    updated_at        timestamptz not null
);

create table revocation_entry (
    id           bigserial   primary key,
    role_arn     text        not null references revocation_role (role_arn),
    kind         text        not null,
    subject      text        not null,
    revoked_at   timestamptz not null,
    prune_after  timestamptz not null
);
create index revocation_entry_role on revocation_entry (role_arn);
