/*
 * The console the board runtime's main loops (main.c, firmware/runner/runner.c) talk to. Every target directory
 * has a console.h declaring the tinyml_uart_* functions; on Cortex-M it is the CMSDK UART of QEMU's MPS2 machines.
 */
#ifndef TINYML_CONSOLE_H
#define TINYML_CONSOLE_H

#include "uart_cmsdk.h"

#endif /* TINYML_CONSOLE_H */
