-- The IAM clean-up an offboarding step is about to make, recorded before its first IAM write. A worker that dies
-- (or a step that fails) after some IAM calls but before the step commits leaves the plan behind; the resumed step
-- publishes IAM_USER_ACTIONED for every planned change together with what it does itself, so no action done goes
-- unrecorded. The row is removed in the transaction that commits the step and its events.
create table offboarding_cleanup_plan (
    case_id    text        primary key,
    changes    text        not null,
    planned_at timestamptz not null
);
