-- A CloudTrail call explains at most one recorded change; once used it is not joined to a later one.
alter table iam_change add column explained boolean not null default false;
