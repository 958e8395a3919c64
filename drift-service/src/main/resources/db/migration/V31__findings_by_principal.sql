-- Every processed change reads the live findings of its resource (by principal ARN), and every CloudTrail call those
-- of the resources it names: without this index both scanned the whole finding table.
create index finding_principal on finding (principal_arn);
