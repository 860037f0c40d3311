/** MicroProfile Health checks: liveness of the process, readiness including the database and its schema. */
package io.tijarat.web.health;
