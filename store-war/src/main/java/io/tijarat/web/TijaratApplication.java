package io.tijarat.web;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The storefront and admin API. Operational endpoints (/health, /metrics, /openapi) are Payara's own. */
@ApplicationPath("/api")
// A CDI bean so that Payara's MP-JWT extension sees @LoginConfig (the WAR uses annotated discovery).
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({TijaratApplication.ADMIN, TijaratApplication.STAFF})
@OpenAPIDefinition(info = @Info(
        title = "Tijarat API",
        version = "0.1.0",
        description = "Storefront and admin API of Tijarat, a pluggable e-commerce backend. Errors are "
                + "application/problem+json (RFC 9457). Money is an amount in minor units (paisa for PKR).",
        license = @License(name = "Apache-2.0")))
// The admin resources name this scheme with @SecurityRequirement; the storefront needs no token.
@SecurityScheme(securitySchemeName = TijaratApplication.BEARER_JWT, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT",
        description = "Admin API (/api/admin/**): a MicroProfile JWT signed with RS256 whose groups claim holds admin "
                + "(everything) or staff (orders and fulfilment). No, bad or expired token: 401; wrong role: 403.")
public class TijaratApplication extends Application {

    /** The OpenAPI security scheme of the admin API. */
    public static final String BEARER_JWT = "adminJwt";

    /** Everything, including the catalog and refunds. */
    public static final String ADMIN = "admin";
    /** Orders (read, cancel); the catalog read-only. */
    public static final String STAFF = "staff";
}
