package io.accessloop.sandbox.auth;

/** Why a signature was refused; the protocol layer turns it into the Query or JSON error code. */
public enum AuthFailure {
    MISSING_AUTHENTICATION("MissingAuthenticationToken", "MissingAuthenticationTokenException", 403,
            "Request is missing Authentication Token"),
    INCOMPLETE_SIGNATURE("IncompleteSignature", "IncompleteSignatureException", 400,
            "Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters."),
    INVALID_CLIENT_TOKEN_ID("InvalidClientTokenId", "UnrecognizedClientException", 403,
            "The security token included in the request is invalid."),
    SIGNATURE_DOES_NOT_MATCH("SignatureDoesNotMatch", "InvalidSignatureException", 403,
            "The request signature we calculated does not match the signature you provided. Check your AWS Secret "
                    + "Access Key and signing method. Consult the service documentation for details."),
    SIGNATURE_EXPIRED("SignatureDoesNotMatch", "InvalidSignatureException", 403,
            "Signature expired: the presigned request is past its X-Amz-Expires."),
    EXPIRED_TOKEN("ExpiredToken", "ExpiredTokenException", 403,
            "The security token included in the request is expired");

    private final String queryCode;
    private final String jsonCode;
    private final int status;
    private final String message;

    AuthFailure(String queryCode, String jsonCode, int status, String message) {
        this.queryCode = queryCode;
        this.jsonCode = jsonCode;
        this.status = status;
        this.message = message;
    }

    public String queryCode() {
        return queryCode;
    }

    public String jsonCode() {
        return jsonCode;
    }

    public int status() {
        return status;
    }

    public String message() {
        return message;
    }
}
