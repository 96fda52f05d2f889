/**
 * A door: pipeline runs as jobs on JobRunr, stored in the registry's own database, so the server and any number of
 * worker processes on that database share one queue and a job whose worker died is handed to another.
 */
package io.tinymlaas.jobs;
