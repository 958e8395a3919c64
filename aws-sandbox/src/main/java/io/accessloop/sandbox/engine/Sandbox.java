package io.accessloop.sandbox.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessloop.sandbox.access.Authorizer;
import io.accessloop.sandbox.access.PolicyCache;
import io.accessloop.sandbox.access.PrincipalPolicies;
import io.accessloop.sandbox.access.SimulationActions;
import io.accessloop.sandbox.advisor.AccessAdvisor;
import io.accessloop.sandbox.advisor.LastAccessedActions;
import io.accessloop.sandbox.analyzer.AccessAnalyzerApi;
import io.accessloop.sandbox.auth.AuthenticationException;
import io.accessloop.sandbox.auth.Caller;
import io.accessloop.sandbox.cloudtrail.CloudTrailApi;
import io.accessloop.sandbox.cloudwatch.CloudWatchApi;
import io.accessloop.sandbox.cloudwatch.MetricStore;
import io.accessloop.sandbox.cloudtrail.TrailCall;
import io.accessloop.sandbox.cloudtrail.TrailLog;
import io.accessloop.sandbox.cloudtrail.TrailLogFileWriter;
import io.accessloop.sandbox.config.ChangeNotifier;
import io.accessloop.sandbox.config.ConfigApi;
import io.accessloop.sandbox.config.ConfigRecorder;
import io.accessloop.sandbox.core.AwsError;
import io.accessloop.sandbox.core.Doc;
import io.accessloop.sandbox.core.Ids;
import io.accessloop.sandbox.core.Json;
import io.accessloop.sandbox.core.SandboxClock;
import io.accessloop.sandbox.iam.IamAction;
import io.accessloop.sandbox.iam.IamCall;
import io.accessloop.sandbox.iam.IamService;
import io.accessloop.sandbox.iam.IamStore;
import io.accessloop.sandbox.protocol.HttpCall;
import io.accessloop.sandbox.protocol.HttpReply;
import io.accessloop.sandbox.protocol.JsonProtocol;
import io.accessloop.sandbox.protocol.QueryParams;
import io.accessloop.sandbox.protocol.QueryXml;
import io.accessloop.sandbox.protocol.RestJsonProtocol;
import io.accessloop.sandbox.sts.SessionStore;
import io.accessloop.sandbox.sts.StsService;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The whole sandbox account behind one method: {@link #handle(HttpCall)} takes any HTTP request the edge
 * received and answers it as AWS would (Query/XML for IAM and STS, JSON 1.1 for CloudTrail and Config, the
 * federation endpoint, and the {@code /_sandbox/} control API).
 */
public final class Sandbox implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Sandbox.class.getName());
    private static final String XML = "text/xml";
    /** Metric data points kept (the oldest are dropped beyond). */
    private static final int METRIC_CAPACITY = 200_000;

    private final SandboxSettings settings;
    private final SandboxClock clock;
    private final IamStore iamStore;
    private final IamService iam;
    private final SessionStore sessions = new SessionStore();
    private final Authorizer authorizer;
    private final StsService sts;
    private final TrailLog trail;
    private final TrailLogFileWriter logFiles;
    private final CloudTrailApi cloudTrail;
    private final ChangeNotifier notifier = new ChangeNotifier();
    private final ConfigRecorder configRecorder;
    private final ConfigApi config;
    private final AccessAdvisor advisor = new AccessAdvisor();
    private final LastAccessedActions lastAccessed;
    private final CallerResolver callers;
    private final CallRecorder recorder;
    private final io.accessloop.sandbox.control.FaultInjector faults = new io.accessloop.sandbox.control.FaultInjector();
    private final io.accessloop.sandbox.sts.FederationEndpoint federation;
    private final io.accessloop.sandbox.control.ControlApi control;
    private final AccessAnalyzerApi accessAnalyzer;
    private final CloudWatchApi cloudWatch;
    private final io.accessloop.sandbox.s3.S3Api s3 = new io.accessloop.sandbox.s3.S3Api();

    public Sandbox(SandboxSettings settings, SandboxClock clock) {
        this.settings = settings;
        this.clock = clock;
        this.iamStore = new IamStore(settings.accountId());
        this.iam = new IamService(iamStore);
        PolicyCache documents = new PolicyCache();
        PrincipalPolicies principals = new PrincipalPolicies(iamStore, documents);
        this.authorizer = new Authorizer(principals);
        this.sts = new StsService(iamStore, sessions, authorizer);
        this.trail = new TrailLog(settings.accountId(), settings.trailCapacity());
        this.logFiles = settings.cloudTrailLogDirectory()
                .map(dir -> new TrailLogFileWriter(dir, settings.accountId(), settings.cloudTrailFlushInterval()))
                .orElse(null);
        if (logFiles != null) {
            trail.sink(logFiles::accept);
        }
        this.cloudTrail = new CloudTrailApi(trail, clock::now);
        settings.notificationTargets().forEach(notifier::add);
        this.configRecorder = new ConfigRecorder(settings.accountId(), settings.region(), notifier);
        iamStore.listener(configRecorder);
        this.config = new ConfigApi(configRecorder);
        this.lastAccessed = new LastAccessedActions(iamStore, advisor, documents);
        lastAccessed.register(iam.registry());
        new SimulationActions(iamStore, principals).register(iam.registry());
        this.callers = new CallerResolver(settings, iamStore, sessions);
        this.recorder = new CallRecorder(trail, advisor);
        this.federation = new io.accessloop.sandbox.sts.FederationEndpoint(sessions, clock, this::recordConsoleLogin);
        this.accessAnalyzer = new AccessAnalyzerApi(settings.accountId(), settings.region(), iamStore, advisor,
                documents, trail);
        this.cloudWatch = new CloudWatchApi(settings.accountId(), settings.region(),
                new MetricStore(METRIC_CAPACITY));
        this.control = new io.accessloop.sandbox.control.ControlApi(this);
        iam.reset();
        io.accessloop.sandbox.control.Scenarios.seed(this, settings.initialScenario());
    }

    public SandboxSettings settings() {
        return settings;
    }

    public SandboxClock clock() {
        return clock;
    }

    public IamStore iamStore() {
        return iamStore;
    }

    public TrailLog trail() {
        return trail;
    }

    public ConfigRecorder configRecorder() {
        return configRecorder;
    }

    public ChangeNotifier notifier() {
        return notifier;
    }

    public AccessAdvisor advisor() {
        return advisor;
    }

    public AccessAnalyzerApi accessAnalyzer() {
        return accessAnalyzer;
    }

    /** The metric data put through CloudWatch's PutMetricData. */
    public MetricStore metrics() {
        return cloudWatch.store();
    }

    public io.accessloop.sandbox.control.FaultInjector faults() {
        return faults;
    }

    /** Every IAM action the sandbox answers. */
    public java.util.Set<String> iamActionNames() {
        return java.util.Set.copyOf(iam.registry().names());
    }

    public Authorizer authorizer() {
        return authorizer;
    }

    public SessionStore sessions() {
        return sessions;
    }

    /** Forgets everything: IAM, sessions, CloudTrail, Config, Access Advisor, faults; the clock is reset too. */
    public void reset() {
        faults.clear();
        clock.reset();
        iamStore.listener((changes, when) -> { });
        iam.reset();
        sessions.clear();
        trail.clear();
        configRecorder.clear();
        advisor.clear();
        lastAccessed.clear();
        accessAnalyzer.clear();
        cloudWatch.clear();
        s3.clear();
        federation.clear();
        iamStore.listener(configRecorder);
    }

    /** Writes pending CloudTrail log files now; returns how many files were written (0 without a directory). */
    public int flushTrailFiles() throws IOException {
        return logFiles == null ? 0 : logFiles.flush().size();
    }

    public HttpReply handle(HttpCall call) {
        String requestId = Ids.requestId();
        try {
            String path = call.path();
            if (path.startsWith("/_sandbox/") || path.equals("/_sandbox")) {
                return control.handle(call);
            }
            if (path.equals("/federation")) {
                return federation.handle(call);
            }
            if (io.accessloop.sandbox.s3.S3Api.handles(call)) {
                return s3(call, requestId);
            }
            if (AccessAnalyzerApi.handles(path)) {
                return restJson(call, requestId);
            }
            String target = call.header("x-amz-target");
            if (target != null) {
                return json(call, target, requestId);
            }
            return query(call, requestId);
        } catch (RuntimeException unexpected) {
            LOG.log(Level.SEVERE, "unexpected failure handling " + call.method() + " " + call.path(), unexpected);
            AwsError error = new AwsError("InternalFailure", 500, "The request processing has failed because of an "
                    + "unknown error, exception or failure.");
            if (io.accessloop.sandbox.s3.S3Api.handles(call)) {
                return io.accessloop.sandbox.s3.S3Api.error(error, requestId);
            }
            if (AccessAnalyzerApi.handles(call.path())) {
                return RestJsonProtocol.error(error, requestId);
            }
            return call.header("x-amz-target") != null ? JsonProtocol.error(error, requestId)
                    : xmlError(QueryXml.IAM_NS, error, requestId);
        }
    }

    /** The caller of a key that STS or IAM issued (for the control API's simulate). */
    public Caller callerOf(String accessKeyId) {
        return callers.resolve(accessKeyId, null).caller();
    }

    /** A key's verification material (secret, session token), or null when the key is unknown. */
    public io.accessloop.sandbox.auth.KeyMaterial keyMaterial(String accessKeyId) {
        return callers.keyMaterial(accessKeyId);
    }

    /** Records a call made outside the wire protocols (the simulate endpoint) exactly like a real one. */
    public io.accessloop.sandbox.cloudtrail.TrailEvent recordExternal(TrailCall call, String iamAction) {
        io.accessloop.sandbox.iam.AccessKey key = iamStore.accessKey(call.caller().accessKeyId());
        return recorder.record(call, iamAction, key);
    }

    /** A refused call whose signer is known (an expired session) still leaves a CloudTrail record. */
    private void recordRefusal(AuthenticationException e, HttpCall call, String service, String action,
                               AwsError error, String requestId, Map<String, Object> requestParameters,
                               List<Map<String, String>> resources) {
        if (e.caller() == null) {
            return;
        }
        String region;
        try {
            region = callers.scopeOf(call).region();
        } catch (AuthenticationException unparsable) {
            region = settings.region();
        }
        boolean readOnly = action.startsWith("Get") || action.startsWith("List") || action.startsWith("Lookup")
                || action.startsWith("Describe");
        trail.record(new TrailCall(e.caller(), service, action, clock.now(), region, call.sourceIp(),
                call.header("user-agent"), requestParameters, null, error.code(), error.getMessage(), requestId,
                readOnly, false, resources));
    }

    private void recordConsoleLogin(Caller caller, String sourceIp) {
        Instant now = clock.now();
        trail.record(new TrailCall(caller, "signin", "ConsoleLogin", now, settings.region(), sourceIp, null, null,
                Map.of("ConsoleLogin", "Success"), null, null, Ids.requestId(), false, false, List.of()));
    }

    private static HttpReply xmlError(String namespace, AwsError error, String requestId) {
        return HttpReply.of(error.status(), XML, QueryXml.error(namespace, error, requestId))
                .withHeaders(Map.of("x-amzn-RequestId", requestId));
    }

    private HttpReply query(HttpCall call, String requestId) {
        Map<String, String> values = new LinkedHashMap<>(call.queryParameters());
        String contentType = call.header("content-type");
        if (call.body().length > 0 && (contentType == null || contentType.startsWith("application/x-www-form-urlencoded"))) {
            byte[] form = call.body();
            String encoding = call.header("content-encoding");
            if (encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("gzip")) {
                try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(form))) {
                    form = in.readAllBytes();
                } catch (IOException e) {
                    return xmlError(CloudWatchApi.NAMESPACE, new AwsError("InvalidParameterValue", 400,
                            "The request body is not valid gzip."), requestId);
                }
            }
            values.putAll(HttpCall.decodeForm(new String(form, StandardCharsets.UTF_8)));
        }
        QueryParams params = new QueryParams(values);
        String action = params.action();
        String version = params.get("Version");
        if (CloudWatchApi.VERSION.equals(version)) {
            return cloudWatchQuery(call, action, values, requestId);
        }
        boolean isSts = "2011-06-15".equals(version) || (version == null && action != null
                && StsService.ACTIONS.contains(action));
        String namespace = isSts ? QueryXml.STS_NS : QueryXml.IAM_NS;
        if (action == null) {
            if (call.method().equals("GET") && call.path().equals("/")) {
                return HttpReply.of(200, "application/json", "{\"status\":\"running\",\"services\":"
                        + "[\"iam\",\"sts\",\"cloudtrail\",\"config\",\"access-analyzer\",\"cloudwatch\"]}");
            }
            return xmlError(namespace, new AwsError("MissingAction", 400, "Missing Action"), requestId);
        }
        IamAction iamAction = isSts ? null : iam.registry().action(action);
        if ((isSts && !StsService.ACTIONS.contains(action)) || (!isSts && iamAction == null)) {
            return xmlError(namespace, new AwsError("InvalidAction", 400, "Could not find operation " + action
                    + " for version " + (version == null ? (isSts ? "2011-06-15" : "2010-05-08") : version)),
                    requestId);
        }
        Instant now = clock.now();
        CallerResolver.Authenticated auth;
        try {
            auth = callers.authenticate(call, now);
        } catch (AuthenticationException e) {
            AwsError error = new AwsError(e.failure().queryCode(), e.failure().status(), e.failure().message());
            recordRefusal(e, call, isSts ? "sts" : "iam", action, error, requestId,
                    TrailParameters.fromQuery(values), CallRecorder.resources(values, settings.accountId()));
            return xmlError(namespace, error, requestId);
        }
        Caller caller = auth.caller();
        String region = auth.scope().region();
        String service = isSts ? "sts" : "iam";
        String permission = service + ":" + action;
        boolean readOnly = isSts ? action.equals("GetCallerIdentity") : iamAction.readOnly();
        Doc result = null;
        AwsError failure = null;
        long delay = 0;
        try {
            delay = faults.apply(permission, false);
            if (isSts) {
                result = sts.handle(new StsService.StsCall(params, caller, now, call.sourceIp(), region));
            } else {
                IamCall iamCall = new IamCall(params, caller, now, region);
                String resource = iamAction.resource().apply(iamCall);
                authorizer.require(caller, permission, resource, now, call.sourceIp(), region,
                        context -> IamRequestContext.add(context, params, iamStore));
                result = iamAction.handler().apply(iamCall);
            }
        } catch (AwsError e) {
            failure = e;
        }
        Map<String, Object> responseElements = null;
        if (failure == null && !readOnly && result != null) {
            @SuppressWarnings("unchecked")
            Map<String, Object> converted = (Map<String, Object>) TrailParameters.response(result);
            responseElements = converted;
        }
        TrailCall trailCall = new TrailCall(caller, service, action, now, region, call.sourceIp(),
                call.header("user-agent"), TrailParameters.fromQuery(values), responseElements,
                failure == null ? null : failure.code(), failure == null ? null : failure.getMessage(), requestId,
                readOnly, false, CallRecorder.resources(values, settings.accountId()));
        recorder.record(trailCall, action.equals("GetCallerIdentity") ? null : permission, auth.userKey());
        HttpReply reply = failure != null ? xmlError(namespace, failure, requestId)
                : HttpReply.of(200, XML, QueryXml.response(action, namespace, result, requestId))
                        .withHeaders(Map.of("x-amzn-RequestId", requestId));
        return delay > 0 ? reply.delayed(delay) : reply;
    }

    private HttpReply json(HttpCall call, String target, String requestId) {
        String operation;
        String service;
        if (target.startsWith(CloudTrailApi.TARGET_PREFIX)) {
            operation = target.substring(CloudTrailApi.TARGET_PREFIX.length());
            service = "cloudtrail";
        } else if (target.startsWith(ConfigApi.TARGET_PREFIX)) {
            operation = target.substring(ConfigApi.TARGET_PREFIX.length());
            service = "config";
        } else {
            return JsonProtocol.error(new AwsError("UnknownOperationException", 400, "Unknown target " + target),
                    requestId);
        }
        Instant now = clock.now();
        CallerResolver.Authenticated auth;
        try {
            auth = callers.authenticate(call, now);
        } catch (AuthenticationException e) {
            AwsError error = new AwsError(e.failure().jsonCode(), 400, e.failure().message());
            recordRefusal(e, call, service, operation, error, requestId, Map.of(), List.of());
            return JsonProtocol.error(error, requestId);
        }
        JsonNode body = call.body().length == 0 ? Json.MAPPER.createObjectNode() : Json.tryParse(call.body());
        if (body == null || !body.isObject()) {
            return JsonProtocol.error(new AwsError("SerializationException", 400,
                    "Start of structure or map found where not expected, or the body is not valid JSON."), requestId);
        }
        Caller caller = auth.caller();
        String region = auth.scope().region();
        String permission = service + ":" + operation;
        boolean readOnly = service.equals("cloudtrail") ? CloudTrailApi.readOnly(operation)
                : ConfigApi.readOnly(operation);
        Doc result = null;
        AwsError failure = null;
        long delay = 0;
        try {
            delay = faults.apply(permission, true);
            authorizer.require(caller, permission, "*", now, call.sourceIp(), region, null);
            result = service.equals("cloudtrail") ? cloudTrail.handle(operation, body) : config.handle(operation, body);
        } catch (AwsError e) {
            failure = e.code().equals("AccessDenied") ? new AwsError("AccessDeniedException", 400, e.getMessage()) : e;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> requestParameters = Json.MAPPER.convertValue(body, Map.class);
        TrailCall trailCall = new TrailCall(caller, service, operation, now, region, call.sourceIp(),
                call.header("user-agent"), requestParameters, null, failure == null ? null : failure.code(),
                failure == null ? null : failure.getMessage(), requestId, readOnly, false, List.of());
        recorder.record(trailCall, permission, auth.userKey());
        HttpReply reply = failure != null ? JsonProtocol.error(failure, requestId)
                : HttpReply.of(200, JsonProtocol.CONTENT_TYPE, JsonProtocol.body(result))
                        .withHeaders(Map.of("x-amzn-RequestId", requestId));
        return delay > 0 ? reply.delayed(delay) : reply;
    }

    /** CloudWatch (Query protocol, signing name {@code monitoring}), authorised as {@code cloudwatch:<Action>}. */
    private HttpReply cloudWatchQuery(HttpCall call, String action, Map<String, String> values, String requestId) {
        String namespace = CloudWatchApi.NAMESPACE;
        if (action == null || !CloudWatchApi.ACTIONS.contains(action)) {
            return xmlError(namespace, new AwsError(action == null ? "MissingAction" : "InvalidAction", 400,
                    action == null ? "Missing Action" : "Could not find operation " + action + " for version "
                            + CloudWatchApi.VERSION), requestId);
        }
        Instant now = clock.now();
        Map<String, Object> requestParameters = action.equals("PutMetricData")
                ? new LinkedHashMap<>(Map.of("namespace", values.getOrDefault("Namespace", ""), "metricDataCount",
                        values.keySet().stream().filter(k -> k.matches("MetricData\\.member\\.\\d+\\.MetricName"))
                                .count()))
                : TrailParameters.fromQuery(values);
        CallerResolver.Authenticated auth;
        try {
            auth = callers.authenticate(call, now);
        } catch (AuthenticationException e) {
            AwsError error = new AwsError(e.failure().queryCode(), e.failure().status(), e.failure().message());
            recordRefusal(e, call, "cloudwatch", action, error, requestId, requestParameters, List.of());
            return xmlError(namespace, error, requestId);
        }
        Caller caller = auth.caller();
        String region = auth.scope().region();
        String permission = "cloudwatch:" + action;
        Doc result = null;
        AwsError failure = null;
        long delay = 0;
        try {
            delay = faults.apply(permission, false);
            authorizer.require(caller, permission, action.contains("Alarm") ? "arn:aws:cloudwatch:" + region + ":"
                    + settings.accountId() + ":alarm:*" : "*", now, call.sourceIp(), region, null);
            result = cloudWatch.handle(action, values, now);
        } catch (AwsError e) {
            failure = e;
        }
        TrailCall trailCall = new TrailCall(caller, "cloudwatch", action, now, region, call.sourceIp(),
                call.header("user-agent"), requestParameters, null, failure == null ? null : failure.code(),
                failure == null ? null : failure.getMessage(), requestId, CloudWatchApi.readOnly(action),
                CloudWatchApi.DATA_EVENTS.contains(action), List.of());
        recorder.record(trailCall, permission, auth.userKey());
        HttpReply reply = failure != null ? xmlError(namespace, failure, requestId)
                : HttpReply.of(200, XML, QueryXml.response(action, namespace, result, requestId))
                        .withHeaders(Map.of("x-amzn-RequestId", requestId));
        return delay > 0 ? reply.delayed(delay) : reply;
    }

    /** Access Analyzer (REST-JSON): routed by method and path, authorised as {@code access-analyzer:<Operation>}. */
    private HttpReply restJson(HttpCall call, String requestId) {
        String[] route = AccessAnalyzerApi.route(call.method(), call.path());
        if (route == null) {
            return RestJsonProtocol.error(new AwsError("UnknownOperationException", 404, "No Access Analyzer "
                    + "operation for " + call.method() + " " + call.path()), requestId);
        }
        String operation = route[0];
        String service = AccessAnalyzerApi.SERVICE;
        Instant now = clock.now();
        CallerResolver.Authenticated auth;
        try {
            auth = callers.authenticate(call, now);
        } catch (AuthenticationException e) {
            AwsError error = new AwsError(e.failure().jsonCode(), e.failure().status(), e.failure().message());
            recordRefusal(e, call, service, operation, error, requestId, Map.of(), List.of());
            return RestJsonProtocol.error(error, requestId);
        }
        JsonNode body = call.body().length == 0 ? Json.MAPPER.createObjectNode() : Json.tryParse(call.body());
        Map<String, String> query = call.queryParameters();
        Map<String, Object> requestParameters = new LinkedHashMap<>(query);
        if (route[1] != null) {
            requestParameters.put(operation.contains("Policy") ? "jobId" : operation.contains("Finding") ? "id"
                    : "analyzerName", route[1]);
        }
        Caller caller = auth.caller();
        String region = auth.scope().region();
        String permission = AccessAnalyzerApi.permissionOf(operation);
        Doc result = null;
        AwsError failure = null;
        long delay = 0;
        try {
            if (body == null || !body.isObject()) {
                throw new AwsError("ValidationException", 400, "The request body is not a valid JSON object.");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> bodyFields = Json.MAPPER.convertValue(body, Map.class);
            requestParameters.putAll(bodyFields);
            delay = faults.apply(permission, true);
            AccessAnalyzerApi.Request request = new AccessAnalyzerApi.Request(operation, route[1], query, body, now);
            authorizer.require(caller, permission, accessAnalyzer.resourceOf(request), now, call.sourceIp(), region,
                    null);
            result = accessAnalyzer.handle(request);
        } catch (AwsError e) {
            failure = e.code().equals("AccessDenied") ? new AwsError("AccessDeniedException", 403, e.getMessage()) : e;
        }
        TrailCall trailCall = new TrailCall(caller, service, operation, now, region, call.sourceIp(),
                call.header("user-agent"), requestParameters, null, failure == null ? null : failure.code(),
                failure == null ? null : failure.getMessage(), requestId, AccessAnalyzerApi.readOnly(operation),
                false, List.of());
        recorder.record(trailCall, permission, auth.userKey());
        HttpReply reply = failure != null ? RestJsonProtocol.error(failure, requestId)
                : RestJsonProtocol.ok(result, requestId);
        return delay > 0 ? reply.delayed(delay) : reply;
    }

    /** S3 (REST-XML, path-style): authenticated with SigV4, authorised as {@code s3:<action>} on the bucket or object. */
    private HttpReply s3(HttpCall call, String requestId) {
        String service = io.accessloop.sandbox.s3.S3Api.SERVICE;
        Instant now = clock.now();
        io.accessloop.sandbox.s3.S3Api.Route route;
        try {
            route = io.accessloop.sandbox.s3.S3Api.route(call);
        } catch (AwsError e) {
            return io.accessloop.sandbox.s3.S3Api.error(e, requestId);
        }
        Map<String, Object> requestParameters = new LinkedHashMap<>();
        requestParameters.put("bucketName", route.bucket());
        if (route.key() != null) {
            requestParameters.put("key", route.key());
        }
        List<Map<String, String>> resources = List.of(Map.of("ResourceType", route.key() == null
                ? "AWS::S3::Bucket" : "AWS::S3::Object", "ResourceName", route.resource()));
        CallerResolver.Authenticated auth;
        try {
            auth = callers.authenticate(call, now);
        } catch (AuthenticationException e) {
            AwsError error = new AwsError(e.failure().queryCode(), e.failure().status(), e.failure().message());
            recordRefusal(e, call, service, route.operation(), error, requestId, requestParameters, resources);
            return io.accessloop.sandbox.s3.S3Api.error(error, requestId);
        }
        Caller caller = auth.caller();
        String region = auth.scope().region();
        HttpReply reply;
        String errorCode = null;
        String errorMessage = null;
        long delay = 0;
        try {
            delay = faults.apply(route.permission(), false);
            authorizer.require(caller, route.permission(), route.resource(), now, call.sourceIp(), region, null);
            reply = s3.handle(route, call, now, requestId);
        } catch (AwsError e) {
            errorCode = e.code();
            errorMessage = e.getMessage();
            reply = io.accessloop.sandbox.s3.S3Api.error(e, requestId);
        }
        TrailCall trailCall = new TrailCall(caller, service, route.operation(), now, region, call.sourceIp(),
                call.header("user-agent"), requestParameters, null, errorCode, errorMessage, requestId,
                route.readOnly(), route.key() != null, resources);
        recorder.record(trailCall, route.permission(), auth.userKey());
        return delay > 0 ? reply.delayed(delay) : reply;
    }

    @Override
    public void close() {
        notifier.close();
        if (logFiles != null) {
            logFiles.close();
        }
    }
}
