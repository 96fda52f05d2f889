/**
 * The fleet's telemetry over MQTT: the reports devices send ({@link io.tinymlaas.telemetry.Report}), the topics and who may
 * use them ({@link io.tinymlaas.telemetry.Topics}), the brokers the service starts (Mosquitto, or the embedded Moquette),
 * the client link, and the bridge that runs one host's devices (emulated, or real boards on serial ports) and reports for
 * them.
 */
package io.tinymlaas.telemetry;
