package io.accessloop.portal.support;

import org.htmlunit.FailingHttpStatusCodeException;
import org.htmlunit.FormEncodingType;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.util.NameValuePair;
import org.htmlunit.Page;
import org.htmlunit.SilentCssErrorHandler;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;

/**
 * A plain HTML browser (no JavaScript: every page must work without it) that signs in through the OIDC provider's
 * login form like a person would.
 */
public final class Browser implements AutoCloseable {

    private final WebClient client;
    private final URL base;

    private Browser(URL base) {
        this.base = base;
        this.client = new WebClient();
        client.getOptions().setJavaScriptEnabled(false);
        client.getOptions().setCssEnabled(false);
        client.getOptions().setThrowExceptionOnFailingStatusCode(false);
        client.getOptions().setRedirectEnabled(true);
        client.setCssErrorHandler(new SilentCssErrorHandler());
    }

    /** Opens {@code path}, is sent to the login form, signs in as {@code person} and lands back on {@code path}. */
    public static Browser signedIn(URL base, People person, String path) {
        Browser browser = new Browser(base);
        HtmlPage login = browser.open(path);
        HtmlForm form = login.getForms().get(0);
        form.getInputByName("username").setValue(person.email());
        form.getInputByName("password").setValue(person.email());
        try {
            browser.last = login.getHtmlElementById("login").click();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return browser;
    }

    public static Browser anonymous(URL base) {
        return new Browser(base);
    }

    private Page last;

    public Page lastPage() {
        return last;
    }

    public HtmlPage open(String path) {
        try {
            Page page = client.getPage(new URL(base, path));
            last = page;
            return (HtmlPage) page;
        } catch (IOException | FailingHttpStatusCodeException e) {
            throw new IllegalStateException("could not open " + path, e);
        }
    }

    public Page openAny(String path) {
        try {
            last = client.getPage(new URL(base, path));
            return last;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a form post as this browser (its cookies), with exactly the given fields. */
    public Page post(String path, java.util.Map<String, String> fields) {
        try {
            WebRequest request = new WebRequest(new URL(base, path), HttpMethod.POST);
            request.setEncodingType(FormEncodingType.URL_ENCODED);
            request.setRequestParameters(fields.entrySet().stream()
                    .map(e -> (NameValuePair) new NameValuePair(e.getKey(), e.getValue())).toList());
            last = client.getPage(request);
            return last;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CSRF token of the first form on {@code path}, as a person's browser would have it. */
    public String csrfToken(String path) {
        return open(path).getFirstByXPath("//input[@name='csrf-token']") instanceof org.htmlunit.html.HtmlInput input
                ? input.getValue() : null;
    }

    public WebClient client() {
        return client;
    }

    public String cookie(String name) {
        var cookie = client.getCookieManager().getCookie(name);
        return cookie == null ? null : cookie.getValue();
    }

    @Override
    public void close() {
        client.close();
    }
}
