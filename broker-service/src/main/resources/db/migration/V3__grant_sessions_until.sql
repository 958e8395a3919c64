-- When the last session issued for a grant ends: a role-wide revocation has to spare only grants whose sessions may
-- still be alive (a grant without one gets its first session after the deny's cut-off).
alter table access_grant add column sessions_until timestamptz;
create index access_grant_live_sessions on access_grant (role_arn, sessions_until) where status = 'ACTIVE';
