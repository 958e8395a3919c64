package io.accessloop.bench.e2e;

import io.accessloop.bench.load.SignedQuery;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calls on the aws-sandbox over the real wire protocol (SigV4-signed Query calls): sessions as the broker opens
 * them, "do these credentials work" (sts:GetCallerIdentity) and "are they denied in place" (iam:GetRole on the
 * grant's role answered with an explicit deny, the same proof the broker's revocation probe accepts).
 */
public final class AwsSessions {

    private final Http http;
    private final LocalStack stack;
    private final SignedQuery brokerSts;
    private final SignedQuery rootIam;

    public AwsSessions(Http http, LocalStack stack) {
        this.http = http;
        this.stack = stack;
        this.brokerSts = new SignedQuery(stack.sandbox(), "sts", LocalStack.BROKER_KEY, LocalStack.BROKER_SECRET);
        this.rootIam = new SignedQuery(stack.sandbox(), "iam", "test", "test");
    }

    /** sts:AssumeRole as the broker does it: source identity = the person, the grant id as session tag. */
    public AwsSessionCredentials assumeRole(String roleArn, String person, String grantId) {
        HttpResponse<String> answer = http.send(brokerSts.request("Action=AssumeRole&Version=2011-06-15&RoleArn="
                + enc(roleArn) + "&RoleSessionName=" + enc(person.replaceAll("[^\\w+=,.@-]", "-"))
                + "&DurationSeconds=3600&SourceIdentity=" + enc(person)
                + "&Tags.member.1.Key=" + enc("accessloop:grant-id") + "&Tags.member.1.Value=" + enc(grantId)));
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("AssumeRole answered " + answer.statusCode() + ": " + Http.abbreviate(answer.body()));
        }
        return session(answer.body());
    }

    /** The baseline of approval → credentials: one plain AssumeRole; true when it answered 200. */
    public boolean plainAssumeRole(String roleArn) {
        return http.send(brokerSts.request("Action=AssumeRole&Version=2011-06-15&RoleArn=" + enc(roleArn)
                + "&RoleSessionName=bench-baseline&DurationSeconds=900")).statusCode() == 200;
    }

    public static AwsSessionCredentials session(String xml) {
        return AwsSessionCredentials.create(tag(xml, "AccessKeyId"), tag(xml, "SecretAccessKey"), tag(xml, "SessionToken"));
    }

    /** sts:GetCallerIdentity with these credentials answers 200. */
    public boolean works(AwsCredentialsIdentity credentials) {
        return http.send(new SignedQuery(stack.sandbox(), "sts", credentials)
                .request("Action=GetCallerIdentity&Version=2011-06-15")).statusCode() == 200;
    }

    /** iam:GetRole on the role with the session's credentials is refused by an explicit deny. */
    public boolean deniedExplicitly(AwsCredentialsIdentity credentials, String roleArn) {
        HttpResponse<String> answer = http.send(new SignedQuery(stack.sandbox(), "iam", credentials)
                .request("Action=GetRole&Version=2010-05-08&RoleName=" + enc(roleArn.substring(roleArn.lastIndexOf('/') + 1))));
        return answer.statusCode() == 403 && answer.body().contains("explicit deny");
    }

    /** An IAM user's key is refused (deleted or deactivated): any call answers 403 InvalidClientTokenId or similar. */
    public boolean keyRefused(AwsBasicCredentials key) {
        HttpResponse<String> answer = http.send(new SignedQuery(stack.sandbox(), "sts", key)
                .request("Action=GetCallerIdentity&Version=2011-06-15"));
        return answer.statusCode() == 403;
    }

    /** An IAM call as the account root (bootstrap key {@code test}); the answer's body, or a failure. */
    public String rootIam(String form) {
        HttpResponse<String> answer = http.send(rootIam.request(form + "&Version=2010-05-08"));
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("IAM " + form + " answered " + answer.statusCode() + ": "
                    + Http.abbreviate(answer.body()));
        }
        return answer.body();
    }

    public static String tag(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(xml);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + Http.abbreviate(xml));
        }
        return m.group(1);
    }

    public static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
