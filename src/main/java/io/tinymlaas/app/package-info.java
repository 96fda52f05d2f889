/**
 * The application facade: one {@link io.tinymlaas.app.Tinyml} per process, the only entry every door (CLI, acceptance
 * steps, later REST, jobs, pages) calls, and the records it answers with.
 */
package io.tinymlaas.app;
