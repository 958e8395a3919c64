package io.accessloop.portal.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/** Answers of the stubbed services, always from the recorded {@link Contract} files. */
public final class Stubs {

    private Stubs() {
    }

    public static void answer(WireMockServer services, MappingBuilder request, Contract contract) {
        answer(services, request, 200, contract);
    }

    public static void answer(WireMockServer services, MappingBuilder request, int status, Contract contract) {
        String type = contract == Contract.PROBLEM_SELF_APPROVAL ? "application/problem+json" : "application/json";
        services.stubFor(request.willReturn(aResponse().withStatus(status).withHeader("Content-Type", type)
                .withBody(contract.body())));
    }

    public static MappingBuilder get(String path) {
        return WireMock.get(urlPathEqualTo(path));
    }

    public static MappingBuilder post(String path) {
        return WireMock.post(urlPathEqualTo(path));
    }

    /** Every request the services received that was not a GET (what a refused form must never cause). */
    public static List<LoggedRequest> writes(WireMockServer services) {
        return services.findAll(WireMock.anyRequestedFor(anyUrl())).stream()
                .filter(r -> !r.getMethod().getName().equals("GET")).toList();
    }
}
