/**
 * The platform under every area, on Payara Micro with the real WAR: JPA and the migrated schema, the operational
 * endpoints (health, metrics, the OpenAPI document and its examples), and loopback only.
 */
package io.tijarat.web.foundation;
