/*
 * Runtime services of startup.c used by main.c.
 *
 * Stack guard: the stack sits at the bottom of RAM (see link.ld.in), so on silicon an overflow leaves
 * RAM and faults. QEMU's MPS2 machines, however, silently ignore accesses to unmapped addresses below
 * RAM (writes vanish, reads give 0), so an overflow would just produce wrong numbers. The lowest
 * TINYML_STACK_GUARD_BYTES of the stack are therefore painted at reset and checked after every
 * inference. They are part of STACK_BYTES (the usable stack is that much smaller).
 */
#ifndef TINYML_STARTUP_H
#define TINYML_STARTUP_H

#ifndef TINYML_STACK_GUARD_BYTES
#define TINYML_STACK_GUARD_BYTES 64u
#endif

/* Paints the guard zone. */
void tinyml_stack_guard_arm(void);
/* 1 while the guard zone is untouched, 0 once the stack has grown into it. */
int tinyml_stack_guard_intact(void);

#endif /* TINYML_STARTUP_H */
