package io.tinymlaas.device.board;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The MCU families whose real boards the firmware supports: each has a console UART driver in
 * {@code firmware/targets/cortex_m/family/<yaml name>/}. A board names its family in its descriptor ({@code family:}),
 * so a new board of a known family is one YAML file; a new family is a driver folder and a constant here.
 */
public enum McuFamily {
    /** Nordic nRF52840 (Cortex-M4F): UARTE with EasyDMA. UF2 family id of Adafruit's nRF52 bootloader. */
    NRF52840("-mfpu=fpv4-sp-d16 -mfloat-abi=hard", 0xADA52840L),
    /** ST STM32F7 (Cortex-M7 with the single-precision FPv5 of the F74x/F75x): USART. */
    STM32F7("-mfpu=fpv5-sp-d16 -mfloat-abi=hard", null),
    /** Microchip SAM D51 (Cortex-M4F): SERCOM in USART mode. UF2 family id of the SAMD51 UF2 bootloaders. */
    SAMD51("-mfpu=fpv4-sp-d16 -mfloat-abi=hard", 0x55114460L),
    /** Ambiq Apollo3 (Cortex-M4F): its PL011-style UART. */
    APOLLO3("-mfpu=fpv4-sp-d16 -mfloat-abi=hard", null),
    /** Sony CXD5602 (Cortex-M4F application cores): its PL011-style UART1, run from RAM after the Spresense loader. */
    CXD56("-mfpu=fpv4-sp-d16 -mfloat-abi=hard", null);

    private final String fpuFlags;
    private final Long uf2FamilyId;

    McuFamily(String fpuFlags, Long uf2FamilyId) {
        this.fpuFlags = fpuFlags;
        this.uf2FamilyId = uf2FamilyId;
    }

    /** The spelling in the descriptors and the firmware's family folder, e.g. {@code nrf52840}. */
    @JsonValue
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The compiler's floating-point flags for the family's core. */
    public String fpuFlags() {
        return fpuFlags;
    }

    /** The family id UF2 bootloaders of this family check, if any has one. */
    public Optional<Long> uf2FamilyId() {
        return Optional.ofNullable(uf2FamilyId);
    }

    /** The family spelled {@code name} in a descriptor. */
    public static Optional<McuFamily> byYamlName(String name) {
        return Arrays.stream(values()).filter(f -> f.yamlName().equals(name)).findFirst();
    }
}
