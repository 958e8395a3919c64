package io.accessloop.iam.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActionCatalogTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        // the documented S3 mismatches
        "s3.amazonaws.com|ListObjectsV2|s3:ListBucket",
        "s3.amazonaws.com|ListObjects|s3:ListBucket",
        "s3.amazonaws.com|HeadBucket|s3:ListBucket",
        "s3.amazonaws.com|HeadObject|s3:GetObject",
        "s3.amazonaws.com|CreateMultipartUpload|s3:PutObject",
        "s3.amazonaws.com|UploadPart|s3:PutObject",
        "s3.amazonaws.com|CompleteMultipartUpload|s3:PutObject",
        "s3.amazonaws.com|ListBuckets|s3:ListAllMyBuckets",
        "s3.amazonaws.com|DeleteObjects|s3:DeleteObject",
        "s3.amazonaws.com|ListObjectVersions|s3:ListBucketVersions",
        "s3.amazonaws.com|GetBucketCors|s3:GetBucketCORS",
        "s3.amazonaws.com|GetBucketEncryption|s3:GetEncryptionConfiguration",
        "s3.amazonaws.com|DeleteBucketLifecycle|s3:PutLifecycleConfiguration",
        "s3.amazonaws.com|GetBucketPolicy20060301|s3:GetBucketPolicy",
        "s3.amazonaws.com|GetObject|s3:GetObject",
        "s3.amazonaws.com|PutObject|s3:PutObject",
        // monitoring is CloudWatch
        "monitoring.amazonaws.com|PutMetricData|cloudwatch:PutMetricData",
        "monitoring.amazonaws.com|GetMetricData|cloudwatch:GetMetricData",
        "monitoring.amazonaws.com|DescribeAlarms|cloudwatch:DescribeAlarms",
        // version suffixes
        "lambda.amazonaws.com|ListFunctions20150331|lambda:ListFunctions",
        "lambda.amazonaws.com|GetFunction20150331v2|lambda:GetFunction",
        "lambda.amazonaws.com|UpdateFunctionCode20150331v2|lambda:UpdateFunctionCode",
        "lambda.amazonaws.com|AddPermission20150331v2|lambda:AddPermission",
        "lambda.amazonaws.com|Invoke|lambda:InvokeFunction",
        // the services the right-sizing relies on
        "iam.amazonaws.com|CreateUser|iam:CreateUser",
        "iam.amazonaws.com|PutRolePolicy|iam:PutRolePolicy",
        "iam.amazonaws.com|PassRole|iam:PassRole",
        "sts.amazonaws.com|AssumeRole|sts:AssumeRole",
        "sts.amazonaws.com|GetCallerIdentity|sts:GetCallerIdentity",
        "ec2.amazonaws.com|RunInstances|ec2:RunInstances",
        "ec2.amazonaws.com|DescribeInstances|ec2:DescribeInstances",
        "dynamodb.amazonaws.com|GetItem|dynamodb:GetItem",
        "dynamodb.amazonaws.com|Query|dynamodb:Query",
        "dynamodb.amazonaws.com|TransactGetItems|dynamodb:GetItem",
        "kms.amazonaws.com|Decrypt|kms:Decrypt",
        "kms.amazonaws.com|GenerateDataKey|kms:GenerateDataKey",
        "logs.amazonaws.com|CreateLogStream|logs:CreateLogStream",
        "logs.amazonaws.com|FilterLogEvents|logs:FilterLogEvents",
        "sqs.amazonaws.com|SendMessage|sqs:SendMessage",
        "sqs.amazonaws.com|SendMessageBatch|sqs:SendMessage",
        "sqs.amazonaws.com|DeleteMessageBatch|sqs:DeleteMessage",
        "sns.amazonaws.com|Publish|sns:Publish",
        "sns.amazonaws.com|PublishBatch|sns:Publish",
        "rds.amazonaws.com|DescribeDBInstances|rds:DescribeDBInstances",
        "rds.amazonaws.com|CreateDBSnapshot|rds:CreateDBSnapshot",
        "secretsmanager.amazonaws.com|GetSecretValue|secretsmanager:GetSecretValue",
        "ssm.amazonaws.com|GetParameter|ssm:GetParameter",
        "ssm.amazonaws.com|GetParametersByPath|ssm:GetParametersByPath",
        "email.amazonaws.com|SendEmail|ses:SendEmail",
        "ecr.amazonaws.com|GetAuthorizationToken|ecr:GetAuthorizationToken",
    })
    void cloudTrailEventsMapToTheActionsTheyNeed(String source, String eventName, String action) {
        assertThat(ActionCatalog.actionsFor(source, eventName)).containsExactly(action);
    }

    @Test
    void someEventsNeedSeveralActions() {
        assertThat(ActionCatalog.actionsFor("s3.amazonaws.com", "CopyObject"))
                .containsExactlyInAnyOrder("s3:PutObject", "s3:GetObject");
        assertThat(ActionCatalog.actionsFor("secretsmanager.amazonaws.com", "BatchGetSecretValue"))
                .containsExactlyInAnyOrder("secretsmanager:BatchGetSecretValue", "secretsmanager:GetSecretValue");
        assertThat(ActionCatalog.actionsFor("dynamodb.amazonaws.com", "TransactWriteItems"))
                .contains("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem");
    }

    @Test
    void eventsWithoutAnIamActionMapToNothing() {
        assertThat(ActionCatalog.actionsFor("signin.amazonaws.com", "ConsoleLogin")).isEmpty();
        assertThat(ActionCatalog.actionsFor("s3.amazonaws.com", "NoSuchOperation")).isEmpty();
        assertThat(ActionCatalog.actionsFor("nosuchservice.amazonaws.com", "GetThing")).isEmpty();
        assertThat(ActionCatalog.actionsFor("s3.amazonaws.com", " ")).isEmpty();
        assertThat(ActionCatalog.actionsFor(null, "GetObject")).isEmpty();
    }

    @Test
    void everyMismatchTargetIsARealAction() {
        assertThat(CloudTrailMismatches.allTargetActions()).isNotEmpty()
                .allSatisfy(action -> assertThat(ActionCatalog.isKnown(action)).as(action).isTrue());
    }

    @Test
    void catalogCoversTheWholeDataset() {
        assertThat(ActionCatalog.services()).hasSizeGreaterThan(400)
                .contains("iam", "sts", "s3", "ec2", "lambda", "dynamodb", "kms", "cloudwatch", "logs", "sqs", "sns",
                        "rds", "secretsmanager", "ssm");
        assertThat(ActionCatalog.size()).isGreaterThan(20_000);
        assertThat(ActionCatalog.serviceName("s3")).contains("Amazon S3");
    }

    @Test
    void lookupIsCaseInsensitiveAndReturnsAwsSpellingAndAccessLevel() {
        ActionInfo info = ActionCatalog.lookup("S3:getobject").orElseThrow();

        assertThat(info.action()).isEqualTo("s3:GetObject");
        assertThat(info.accessLevels()).containsExactly(AccessLevel.READ);
        assertThat(info.isReadOnly()).isTrue();
        assertThat(ActionCatalog.lookup("s3:ListBucket").orElseThrow().accessLevels()).containsExactly(AccessLevel.LIST);
        assertThat(ActionCatalog.lookup("iam:PutRolePolicy").orElseThrow().isPermissionsManagement()).isTrue();
        assertThat(ActionCatalog.lookup("s3:PutObjectTagging").orElseThrow().accessLevels())
                .contains(AccessLevel.TAGGING);
        assertThat(ActionCatalog.lookup("s3:NoSuchAction")).isEmpty();
        assertThat(ActionCatalog.lookup("GetObject")).isEmpty();
    }

    @Test
    void serviceOfTakesThePrefix() {
        assertThat(ActionCatalog.serviceOf("S3:GetObject")).isEqualTo("s3");
        assertThat(ActionCatalog.serviceOf("*")).isEqualTo("*");
        assertThatThrownBy(() -> ActionCatalog.serviceOf("GetObject")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ActionCatalog.servicePrefixForEventSource("monitoring.amazonaws.com")).isEqualTo("cloudwatch");
    }

    @Test
    void expandMatchesWildcardsAgainstKnownActions() {
        Set<String> gets = ActionCatalog.expand("s3:Get*");

        assertThat(gets).contains("s3:GetObject", "s3:GetBucketPolicy", "s3:GetObjectAcl")
                .doesNotContain("s3:PutObject", "s3:ListBucket")
                .allSatisfy(a -> assertThat(a).startsWith("s3:Get"));
        assertThat(ActionCatalog.expand("s3:getobject")).containsExactly("s3:GetObject");
        assertThat(ActionCatalog.expand("sqs:?eleteMessage")).containsExactly("sqs:DeleteMessage");
        assertThat(ActionCatalog.expand("s3:*")).isEqualTo(ActionCatalog.actionsOf("s3"));
        assertThat(ActionCatalog.expand("*")).hasSize(ActionCatalog.size());
        assertThat(ActionCatalog.expand("nosuch:*")).isEmpty();
        assertThat(ActionCatalog.expand("notAnAction")).isEmpty();
    }

    @Test
    void brokenCatalogLinesAreRefused() {
        assertThatThrownBy(() -> CatalogData.parse(List.of("s3\tAmazon S3")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("bad catalog line");
        assertThatThrownBy(() -> CatalogData.parse(List.of("s3\tAmazon S3\tGetObject=X")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(CatalogData.parse(List.of("# comment", "s3\tAmazon S3\tGetObject=R,PutObject=TW"))
                .actionsByService.get("s3").get("putobject").accessLevels())
                .containsExactlyInAnyOrder(AccessLevel.TAGGING, AccessLevel.WRITE);
    }
}
