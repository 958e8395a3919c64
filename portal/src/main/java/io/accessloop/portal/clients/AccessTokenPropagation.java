package io.accessloop.portal.clients;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Sends the signed-in person's access token (from the authorization code flow) to the service, so the service
 * decides with that person's identity and groups. Without a signed-in person nothing is sent and the service
 * answers 401.
 */
public class AccessTokenPropagation implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        SignedInToken.current().ifPresent(token ->
                request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token));
    }
}
