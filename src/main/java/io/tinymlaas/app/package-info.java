/**
 * The application facade: one {@link io.tinymlaas.app.Tinyml} per process, the only entry every door (CLI, acceptance
 * steps, later REST, jobs, pages) calls, its parts per store ({@link io.tinymlaas.app.DataSets},
 * {@link io.tinymlaas.app.Models}), and the records they answer with.
 */
package io.tinymlaas.app;
