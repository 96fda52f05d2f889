/**
 * The service's registry database: devices, models with their lineage, toolchains, data sets, pipelines, runs and API
 * tokens, in embedded H2 by default or PostgreSQL, migrated by Flyway. Plain JDBC: each table is one small class.
 */
package io.tinymlaas.store;
