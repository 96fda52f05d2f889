/**
 * The fleet's telemetry over MQTT: the reports devices send ({@link io.tinymlaas.telemetry.Report}), the topics and who may
 * use them ({@link io.tinymlaas.telemetry.Topics}), the embedded broker, the client link, and the bridge that runs one host's
 * emulated devices and reports for them.
 */
package io.tinymlaas.telemetry;
