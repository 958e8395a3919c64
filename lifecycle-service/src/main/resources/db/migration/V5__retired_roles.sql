-- Full definitions of roles removed when their workload was retired, so they can be inspected or re-created.
create table retired_role (
    workload_id text        not null,
    role_name   text        not null,
    arn         text        not null,
    definition  text        not null,
    retired_at  timestamptz not null,
    retired_by  text        not null,
    reason      text        not null,
    primary key (workload_id, role_name, retired_at)
);
