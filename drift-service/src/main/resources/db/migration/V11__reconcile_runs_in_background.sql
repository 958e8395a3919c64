-- Reconciliation runs in the background, one run per account at a time: a run is queued, claimed by a replica
-- (holder + lease_until, renewed while it runs) and taken over by another replica once an abandoned lease runs out.
alter table reconcile_run add column account_id text;
alter table reconcile_run add column requested_at timestamptz;
alter table reconcile_run add column errors integer not null default 0;
alter table reconcile_run add column error_messages text;
alter table reconcile_run add column holder text;
alter table reconcile_run add column lease_until timestamptz;
update reconcile_run set account_id = 'default', requested_at = started_at,
    status = case when status = 'RUNNING' then 'FAILED' else status end,
    detail = case when status = 'RUNNING' then 'abandoned by the upgrade to background runs' else detail end;
alter table reconcile_run alter column account_id set not null;
alter table reconcile_run alter column requested_at set not null;
alter table reconcile_run alter column started_at drop not null;
create unique index reconcile_run_active on reconcile_run (account_id) where status in ('QUEUED', 'RUNNING');
create index reconcile_run_due on reconcile_run (requested_at) where status in ('QUEUED', 'RUNNING');

-- the single lease row is replaced by the per-run lease above
drop table reconcile_lease;
