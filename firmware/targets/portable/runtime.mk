# Build rules shared by the non-Arm board runtimes (firmware/targets/xtensa, firmware/targets/arc): the framed
# protocol's main loop (firmware/targets/cortex_m/main.c), frame.c, the tick-counter instruction counter of this
# directory, one compiled model and the portable kernels, linked against the real board's flash and RAM sizes.
#
# The including Makefile sets TARGET_DIR, CROSS, ARCH_FLAGS, TARGET_SRCS (startup.S setting the stack pointer, the
# console, the counter) and
# TARGET_LDLIBS, then includes this file. The caller passes the same variables as to firmware/targets/cortex_m
# (MODEL_DIR, OUT, BOARD_ID, FLASH_/RAM_ORIGIN/_LENGTH, STACK_BYTES, UART_BASE, INSNS_PER_TICK(_DEN),
# EXTRA_INCLUDES, EXTRA_SRCS); produces $(OUT)/firmware.elf and prints its size.

PORTABLE_DIR := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))
LINK_DIR := $(abspath $(PORTABLE_DIR)/../../link)

MODEL_DIR ?= $(abspath $(PORTABLE_DIR)/../cortex_m/test/fake_model)
MODEL_SRCS ?= $(wildcard $(MODEL_DIR)/*.c)
EXTRA_SRCS ?=
MAIN_SRC ?= $(abspath $(PORTABLE_DIR)/../cortex_m/main.c)
EXTRA_INCLUDES ?=
OUT ?= $(TARGET_DIR)/build
BOARD_ID ?= test
STACK_BYTES ?= 2048
# The frame buffer main.c runs loaded inputs from (INFER_LOADED); none unless the caller gives one.
FRAMES_ORIGIN ?= 0x00000000
FRAMES_LENGTH ?= 0
EXTRA_CFLAGS ?=
override MODEL_DIR := $(abspath $(MODEL_DIR))
override OUT := $(abspath $(OUT))

CC := $(CROSS)gcc
OBJCOPY := $(CROSS)objcopy
SIZE := $(CROSS)size

DEFINES := -DTINYML_BOARD_ID='"$(BOARD_ID)"' -DTINYML_UART_BASE=$(UART_BASE)u \
           -DTINYML_INSNS_PER_TICK=$(INSNS_PER_TICK)u -DTINYML_INSNS_PER_TICK_DEN=$(INSNS_PER_TICK_DEN)u \
           -DTINYML_FRAMES_ORIGIN=$(FRAMES_ORIGIN)u -DTINYML_FRAMES_LENGTH=$(FRAMES_LENGTH)u
INCLUDES := -I$(TARGET_DIR) -I$(PORTABLE_DIR) -I$(LINK_DIR) -I$(MODEL_DIR) $(addprefix -I,$(EXTRA_INCLUDES))
CFLAGS := $(ARCH_FLAGS) -std=c99 -Os -g -ffunction-sections -fdata-sections -fno-common -Wall -Wextra \
          $(DEFINES) $(INCLUDES) $(EXTRA_CFLAGS)
LDFLAGS := $(ARCH_FLAGS) -nostartfiles -Wl,--gc-sections -Wl,-Map=$(OUT)/firmware.map -Wl,--print-memory-usage \
           -T$(OUT)/link.ld

# main.c is compiled from a copy: a quoted #include searches the including file's own folder first, which for the
# original would pick Cortex-M's uart.h and cycles.h over these.
MAIN_COPY := $(OUT)/main/$(notdir $(MAIN_SRC))
RUNTIME_SRCS := $(TARGET_SRCS) $(PORTABLE_DIR)/reset.c $(PORTABLE_DIR)/cycles.c $(LINK_DIR)/frame.c
SRCS := $(MAIN_COPY) $(RUNTIME_SRCS) $(MODEL_SRCS) $(EXTRA_SRCS)
OBJS := $(foreach s,$(SRCS),$(OUT)/obj$(abspath $(basename $(s))).o)

ifeq ($(strip $(MODEL_SRCS)),)
$(error no model sources: MODEL_DIR=$(MODEL_DIR) has no .c file)
endif

.PHONY: all size clean
all: $(OUT)/firmware.elf size

CONFIG := $(CC) $(CFLAGS) $(KERNEL_CFLAGS) | $(LDFLAGS) $(TARGET_LDLIBS) | $(FLASH_ORIGIN) $(FLASH_LENGTH) \
          $(RAM_ORIGIN) $(RAM_LENGTH) $(STACK_BYTES) | $(MAIN_SRC) $(SRCS)
$(shell mkdir -p $(OUT) && printf '%s\n' '$(subst ','\'',$(CONFIG))' > $(OUT)/config.new && \
        (cmp -s $(OUT)/config.new $(OUT)/config.txt || mv $(OUT)/config.new $(OUT)/config.txt); \
        rm -f $(OUT)/config.new)

$(MAIN_COPY): $(MAIN_SRC) $(OUT)/config.txt
	@mkdir -p $(dir $@)
	cp $< $@

$(OUT)/link.ld: $(TARGET_DIR)/link.ld.in $(OUT)/config.txt
	sed -e 's|@FLASH_ORIGIN@|$(FLASH_ORIGIN)|g' -e 's|@FLASH_LENGTH@|$(FLASH_LENGTH)|g' \
	    -e 's|@RAM_ORIGIN@|$(RAM_ORIGIN)|g' -e 's|@RAM_LENGTH@|$(RAM_LENGTH)|g' \
	    -e 's|@STACK_BYTES@|$(STACK_BYTES)|g' $< > $@

# Kernels are the hot path: built for speed, the rest for size (as on Cortex-M).
KERNEL_CFLAGS ?= -O2
KERNELS_DIR := $(abspath $(PORTABLE_DIR)/../../kernels)
$(OUT)/obj$(KERNELS_DIR)/%.o: CFLAGS += $(KERNEL_CFLAGS)

$(OUT)/obj/%.o: /%.c $(OUT)/config.txt
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -MMD -MP -c $< -o $@

$(OUT)/obj/%.o: /%.S $(OUT)/config.txt
	@mkdir -p $(dir $@)
	$(CC) $(ARCH_FLAGS) -c $< -o $@

$(OUT)/firmware.elf: $(OBJS) $(OUT)/link.ld
	$(CC) $(LDFLAGS) $(OBJS) $(TARGET_LDLIBS) -o $@

size: $(OUT)/firmware.elf
	$(SIZE) $<

clean:
	rm -rf $(OUT)

-include $(OBJS:.o=.d)
