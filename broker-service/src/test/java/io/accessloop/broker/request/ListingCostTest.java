package io.accessloop.broker.request;

import io.accessloop.broker.Api;
import io.accessloop.broker.grant.repository.GrantRecord;
import io.accessloop.broker.grant.repository.GrantRepository;
import io.accessloop.broker.request.domain.AccessRequest;
import io.accessloop.broker.request.repository.ApprovalRecord;
import io.accessloop.broker.request.repository.RequestRecord;
import io.accessloop.broker.request.repository.RequestRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lists read with one SQL statement hold what the HQL queries they replaced found (the same page of every request
 * and grant, approvals included), and the process CPU of each way over a run of calls is printed for comparison
 * (printed only: CPU on a shared test machine is no pass mark).
 */
@QuarkusTest
class ListingCostTest {

    private static final int CALLS = 300;

    @Inject
    RequestRepository requests;
    @Inject
    GrantRepository grants;

    @Test
    void theSqlListsHoldWhatTheHqlQueriesFoundAndTheirCostIsPrinted() throws Throwable {
        for (int i = 0; i < 3; i++) {
            String id = Api.submit(Api.ALICE, "prod-readonly", "listing cost " + i).statusCode(201).extract().path("id");
            Api.approve(Api.BOB, id).statusCode(200);
        }
        Supplier<Uni<List<String>>> hqlRequests = () -> Panache.withSession(() -> RequestRecord
                .<RequestRecord>find("1 = 1 order by id desc").page(0, 51).list()
                .chain(records -> ApprovalRecord.<ApprovalRecord>list("requestId in ?1 order by approvedAt",
                                records.stream().map(r -> r.id).toList())
                        .map(approvals -> records.stream().map(r -> r.id + approvals.stream()
                                .filter(a -> a.requestId.equals(r.id)).map(a -> a.approver).toList()).toList())));
        Supplier<Uni<List<String>>> sqlRequests = () -> requests.list(null, null, null, null, 51)
                .map(found -> found.stream().map(ListingCostTest::idAndApprovers).toList());
        Supplier<Uni<List<String>>> hqlGrants = () -> Panache.withSession(() -> GrantRecord
                .<GrantRecord>find("1 = 1 order by id desc").page(0, 51).list()
                .map(records -> records.stream().map(r -> r.id + r.status).toList()));
        Supplier<Uni<List<String>>> sqlGrants = () -> grants.list(null, null, null, null, null, 51)
                .map(found -> found.stream().map(g -> g.id() + g.status()).toList());

        List<String> viaHql = VertxContextSupport.subscribeAndAwait(hqlRequests);
        assertThat(viaHql).isNotEmpty();
        assertThat(VertxContextSupport.subscribeAndAwait(sqlRequests)).isEqualTo(viaHql);
        assertThat(VertxContextSupport.subscribeAndAwait(sqlGrants))
                .isNotEmpty().isEqualTo(VertxContextSupport.subscribeAndAwait(hqlGrants));

        System.out.printf("requests list, CPU per call: HQL %.3f ms, SQL %.3f ms%n", cpu(hqlRequests), cpu(sqlRequests));
        System.out.printf("grants list, CPU per call: HQL %.3f ms, SQL %.3f ms%n", cpu(hqlGrants), cpu(sqlGrants));
    }

    private static String idAndApprovers(AccessRequest r) {
        return r.id() + r.approvals().stream().map(a -> a.approver()).toList();
    }

    /** Process CPU per call over {@link #CALLS} sequential calls, after as many to warm up. */
    private static double cpu(Supplier<Uni<List<String>>> list) throws Throwable {
        for (int i = 0; i < CALLS; i++) {
            VertxContextSupport.subscribeAndAwait(list);
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long start = os.getProcessCpuTime();
        for (int i = 0; i < CALLS; i++) {
            VertxContextSupport.subscribeAndAwait(list);
        }
        return (os.getProcessCpuTime() - start) / 1e6 / CALLS;
    }
}
