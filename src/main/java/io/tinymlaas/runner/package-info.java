/**
 * MLPerf Tiny's benchmark protocol (the EEMBC EnergyRunner's UART commands, performance mode): the firmware that answers
 * it (firmware/runner/runner.c around a compiled model) and a host side that speaks it as the runner does.
 */
package io.tinymlaas.runner;
