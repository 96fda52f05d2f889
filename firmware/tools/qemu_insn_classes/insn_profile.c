/*
 * QEMU TCG plugin: profiles the translation blocks executed inside one function call (the inference),
 * for the host to weigh with a core's cycle timings. Written against QEMU 7.2's documented plugin API
 * (docs/devel/tcg-plugins.rst, include/qemu/qemu-plugin.h, API version 1); Debian ships no header, so
 * the few declarations used are below.
 *
 * Arguments: entry=<hex address of the function> out=<file>.
 * A window opens when the block at `entry` runs; the return address is the end of the block that ran
 * just before it (the one ending in the call), and the window closes when a block starting there runs.
 * Per window the file gets:
 *   W
 *   C <id> <vaddr hex> <code bytes hex>   the first time block <id> is reported
 *   T <id> <executions> <taken>            taken: how often the next block was not the fall-through
 *   E
 * Counting per block rather than per instruction keeps the cost to one call per block executed.
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define QEMU_PLUGIN_EXPORT __attribute__((visibility("default")))

typedef uint64_t qemu_plugin_id_t;
typedef struct qemu_info_t qemu_info_t; /* only ever passed by pointer here */
struct qemu_plugin_tb;
struct qemu_plugin_insn;
enum qemu_plugin_cb_flags { QEMU_PLUGIN_CB_NO_REGS, QEMU_PLUGIN_CB_R_REGS, QEMU_PLUGIN_CB_RW_REGS };
typedef void (*qemu_plugin_udata_cb_t)(qemu_plugin_id_t id, void *userdata);
typedef void (*qemu_plugin_vcpu_udata_cb_t)(unsigned int vcpu_index, void *userdata);
typedef void (*qemu_plugin_vcpu_tb_trans_cb_t)(qemu_plugin_id_t id, struct qemu_plugin_tb *tb);

void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t id, qemu_plugin_vcpu_tb_trans_cb_t cb);
void qemu_plugin_register_vcpu_tb_exec_cb(struct qemu_plugin_tb *tb, qemu_plugin_vcpu_udata_cb_t cb,
                                          enum qemu_plugin_cb_flags flags, void *userdata);
void qemu_plugin_register_atexit_cb(qemu_plugin_id_t id, qemu_plugin_udata_cb_t cb, void *userdata);
size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb *tb);
uint64_t qemu_plugin_tb_vaddr(const struct qemu_plugin_tb *tb);
struct qemu_plugin_insn *qemu_plugin_tb_get_insn(const struct qemu_plugin_tb *tb, size_t idx);
const void *qemu_plugin_insn_data(const struct qemu_plugin_insn *insn);
size_t qemu_plugin_insn_size(const struct qemu_plugin_insn *insn);

QEMU_PLUGIN_EXPORT int qemu_plugin_version = 1;

struct block {
    uint64_t start;
    uint64_t end; /* address after the last instruction: the fall-through */
    uint32_t id;
    uint32_t n_bytes;
    uint8_t *code;
    bool reported;
    bool in_window; /* on the touched list of the current window */
    uint64_t executions;
    uint64_t taken;
    struct block *next_touched;
};

static uint64_t s_entry;
static FILE *s_out;
static uint32_t s_next_id;
static struct block *s_previous;
static struct block *s_touched;
static bool s_inside;
static uint64_t s_return_address;

static void report_window(void)
{
    struct block *b;
    fputs("W\n", s_out);
    for (b = s_touched; b != NULL; b = b->next_touched) {
        if (!b->reported) {
            fprintf(s_out, "C %" PRIu32 " %" PRIx64 " ", b->id, b->start);
            for (uint32_t i = 0; i < b->n_bytes; i++) {
                fprintf(s_out, "%02x", b->code[i]);
            }
            fputc('\n', s_out);
            b->reported = true;
        }
        fprintf(s_out, "T %" PRIu32 " %" PRIu64 " %" PRIu64 "\n", b->id, b->executions, b->taken);
    }
    fputs("E\n", s_out);
    fflush(s_out);
    while (s_touched != NULL) {
        b = s_touched;
        s_touched = b->next_touched;
        b->executions = 0;
        b->taken = 0;
        b->in_window = false;
        b->next_touched = NULL;
    }
}

static void block_executed(unsigned int vcpu_index, void *userdata)
{
    struct block *b = userdata;
    struct block *previous = s_previous;
    (void)vcpu_index;
    s_previous = b;
    if (s_inside && b->start == s_return_address) {
        s_inside = false;
        report_window();
        return;
    }
    if (!s_inside) {
        if (b->start != s_entry || previous == NULL) {
            return;
        }
        s_inside = true;
        s_return_address = previous->end;
    } else if (previous->end != b->start) {
        previous->taken++;
    }
    if (!b->in_window) {
        b->in_window = true;
        b->next_touched = s_touched;
        s_touched = b;
    }
    b->executions++;
}

static void block_translated(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
    size_t n = qemu_plugin_tb_n_insns(tb);
    struct block *b = calloc(1, sizeof *b);
    uint32_t offset = 0;
    (void)id;
    if (b == NULL || n == 0) {
        free(b);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        b->n_bytes += (uint32_t)qemu_plugin_insn_size(qemu_plugin_tb_get_insn(tb, i));
    }
    b->code = malloc(b->n_bytes);
    if (b->code == NULL) {
        free(b);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        const struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
        size_t size = qemu_plugin_insn_size(insn);
        memcpy(b->code + offset, qemu_plugin_insn_data(insn), size);
        offset += (uint32_t)size;
    }
    b->start = qemu_plugin_tb_vaddr(tb);
    b->end = b->start + b->n_bytes;
    b->id = s_next_id++;
    qemu_plugin_register_vcpu_tb_exec_cb(tb, block_executed, QEMU_PLUGIN_CB_NO_REGS, b);
}

static void plugin_exit(qemu_plugin_id_t id, void *userdata)
{
    (void)id;
    (void)userdata;
    fclose(s_out);
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc, char **argv);
QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc, char **argv)
{
    const char *out = NULL;
    bool have_entry = false;
    (void)info;
    for (int i = 0; i < argc; i++) {
        if (strncmp(argv[i], "entry=", 6) == 0) {
            s_entry = strtoull(argv[i] + 6, NULL, 16) & ~(uint64_t)1; /* Thumb symbols are odd */
            have_entry = true;
        } else if (strncmp(argv[i], "out=", 4) == 0) {
            out = argv[i] + 4;
        }
    }
    if (!have_entry || out == NULL) {
        fprintf(stderr, "insn_profile: needs entry=<hex address> and out=<file>\n");
        return -1;
    }
    s_out = fopen(out, "w");
    if (s_out == NULL) {
        fprintf(stderr, "insn_profile: cannot write %s\n", out);
        return -1;
    }
    qemu_plugin_register_vcpu_tb_trans_cb(id, block_translated);
    qemu_plugin_register_atexit_cb(id, plugin_exit, NULL);
    return 0;
}
