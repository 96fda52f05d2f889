/**
 * Reports the runs leave behind: JSON and Markdown writers, the dry-run report, the model × board matrix, and
 * TFLM's published figures to compare with.
 */
package io.tinymlaas.report;
