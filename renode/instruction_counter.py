# TinyMLaaS: an instruction counter where the Cortex-M DWT's CYCCNT sits (0xE0001000 + 4). The device firmware
# measures an inference as CYCCNT after minus before (firmware/targets/cortex_m/cycles_dwt.c); Renode's own DWT
# advances with virtual time, in steps of a whole synchronisation quantum, so it cannot time a short inference.
# Reading the CPU's executed-instruction count instead makes the firmware's figure exact instructions under
# Renode, as SysTick under `qemu -icount shift=0` does on the QEMU proxies. Other DWT registers read as 0.
if request.isRead and request.offset == 4:
    request.value = list(self.GetMachine().SystemBus.GetCPUs())[0].ExecutedInstructions & 0xFFFFFFFF
elif request.isRead:
    request.value = 0
