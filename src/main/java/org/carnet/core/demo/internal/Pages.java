package org.carnet.core.demo.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import java.util.Map;

/** Canned bodies: DHIS2 WebMessage errors, the login page, servlet-container 404 pages, proxy and portal pages. */
final class Pages {
    static final String NGINX = "nginx/1.24.0";
    private static final Map<Integer, String> REASONS = Map.ofEntries(Map.entry(400, "Bad Request"),
            Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"),
            Map.entry(405, "Method Not Allowed"), Map.entry(409, "Conflict"), Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"), Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Time-out"));

    private Pages() {
    }

    static String reason(int status) {
        return REASONS.getOrDefault(status, "Error");
    }

    /** {@code {"httpStatus":"Conflict","httpStatusCode":409,"status":"ERROR","message":"…"[,"errorCode":"E…"]}}. */
    static Response webMessage(int status, String message, String errorCode) {
        return Response.json(status, out -> {
            try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
                g.writeStartObject();
                g.writeStringField("httpStatus", reason(status));
                g.writeNumberField("httpStatusCode", status);
                g.writeStringField("status", "ERROR");
                g.writeStringField("message", message);
                if (errorCode != null) {
                    g.writeStringField("errorCode", errorCode);
                }
                g.writeEndObject();
            }
        });
    }

    static Response webMessage(ApiException e) {
        return webMessage(e.status(), e.getMessage(), e.errorCode());
    }

    /** The 404 page of the servlet container: Tomcat up to 2.41, embedded Jetty from 2.42. */
    static Response notFound(VersionRules rules, String path) {
        String page = rules.jettyErrorPages()
                ? "<html>\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html;charset=utf-8\"/>\n"
                        + "<title>Error 404 Not Found</title>\n</head>\n<body>\n<h2>HTTP ERROR 404 Not Found</h2>\n"
                        + "<table>\n<tr><th>URI:</th><td>" + escape(path) + "</td></tr>\n"
                        + "<tr><th>STATUS:</th><td>404</td></tr>\n<tr><th>MESSAGE:</th><td>Not Found</td></tr>\n"
                        + "</table>\n</body>\n</html>\n"
                : "<!doctype html><html lang=\"en\"><head><title>HTTP Status 404 – Not Found</title></head><body>"
                        + "<h1>HTTP Status 404 – Not Found</h1><hr class=\"line\" /><p><b>Type</b> Status Report</p>"
                        + "<p><b>Message</b> " + escape(path) + "</p><p><b>Description</b> The origin server did not "
                        + "find a current representation for the target resource or is not willing to disclose "
                        + "that one exists.</p><hr class=\"line\" /><h3>Apache Tomcat/9.0.65</h3></body></html>";
        return Response.html(404, page);
    }

    /** The HTML login page an unauthenticated browser is sent to. */
    static Response loginPage(String systemName) {
        return Response.html(200, "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>"
                + escape(systemName) + "</title></head><body><form id=\"loginForm\" method=\"post\">"
                + "<input type=\"text\" id=\"j_username\" name=\"j_username\"><input type=\"password\" "
                + "id=\"j_password\" name=\"j_password\"><button type=\"submit\">Connexion</button></form>"
                + "</body></html>");
    }

    /** What nginx shows when the upstream DHIS2 fails (502, 503, 504). */
    static Response nginxError(int status) {
        String title = status + " " + reason(status);
        return Response.html(status, "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>"
                + title + "</h1></center>\r\n<hr><center>" + NGINX + "</center>\r\n</body>\r\n</html>\r\n")
                .header("Server", NGINX);
    }

    /** A captive portal page answered with 200 in place of the API. */
    static Response captivePortal() {
        return Response.html(200, "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">"
                + "<title>Wi-Fi – connexion requise</title></head><body><h1>Bienvenue sur le réseau Wi-Fi</h1>"
                + "<p>Veuillez accepter les conditions d’utilisation pour accéder à Internet.</p>"
                + "<form method=\"post\" action=\"/portal/accept\"><button>Accepter et continuer</button></form>"
                + "</body></html>");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
