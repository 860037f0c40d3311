/**
 * Persistence infrastructure: schema migrations (Flyway, MySQL dialect) and the database facts the
 * operational endpoints report. The schema is owned by the migrations in {@code db/migration}; Hibernate
 * never creates or alters tables.
 */
package io.tijarat.core.persistence;
