/**
 * The CFO's cascade of TinyML and cloud: the device answers with its int8 model, and a sample it is not confident
 * enough about goes to a larger float model in the cloud. The answers of both on held-out data, the sweep of the
 * confidence threshold (accuracy, share sent to the cloud, cost per 1,000 inferences, latency), and its report.
 */
package io.tinymlaas.cascade;
