package io.accessloop.cli.e2e;

import org.htmlunit.BrowserVersion;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;

import java.util.List;

/**
 * A person at a browser approving a device sign-in on Keycloak's own pages: the user-code page (if shown), the login
 * form, the consent page, until Keycloak says the device is signed in.
 */
final class KeycloakBrowser {

    private KeycloakBrowser() {
    }

    static String approve(String verificationUriComplete, String username, String password) throws Exception {
        try (WebClient web = new WebClient(BrowserVersion.FIREFOX)) {
            web.getOptions().setJavaScriptEnabled(false);
            web.getOptions().setCssEnabled(false);
            web.getOptions().setThrowExceptionOnFailingStatusCode(false);
            HtmlPage page = web.getPage(verificationUriComplete);
            for (int step = 0; step < 8; step++) {
                String text = page.asNormalizedText();
                if (text.contains("Device Login Successful") || text.contains("successfully")) {
                    return text;
                }
                List<DomElement> user = page.getElementsByName("username");
                if (!user.isEmpty()) {
                    ((HtmlInput) user.get(0)).type(username);
                    ((HtmlInput) page.getElementsByName("password").get(0)).type(password);
                }
                List<DomElement> accept = page.getElementsByName("accept");
                DomElement submit = !accept.isEmpty() ? accept.get(0) : page.getElementById("kc-login");
                if (submit == null) {
                    throw new IllegalStateException("no form to submit on Keycloak's page:\n" + text);
                }
                page = ((HtmlElement) submit).click();
            }
            throw new IllegalStateException("Keycloak never confirmed the device sign-in:\n" + page.asNormalizedText());
        }
    }
}
