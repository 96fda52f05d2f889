package io.tinymlaas.device.board;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How firmware is built for the real board ({@code device:} in its descriptor): where its bootloader leaves the
 * application flash and RAM, the console UART and its pins, the image files its bootloader or probe takes, and the
 * command a person runs to flash one.
 *
 * @param flashOrigin  where the application's vector table goes: the flash base, or the end of the bootloader
 * @param flashBytes   flash available to the application from there
 * @param ramOrigin    first RAM byte the application may use (past what a bootloader or SoftDevice keeps)
 * @param ramBytes     RAM available to the application from there
 * @param console      the console UART
 * @param images       the image files to write, the first being the one the flash command takes
 * @param flashCommand the command a person runs with the first image, e.g. {@code bossac ...}
 */
public record Device(long flashOrigin, long flashBytes, long ramOrigin, long ramBytes, Console console,
                     List<ImageFormat> images, String flashCommand) {

    public Device {
        images = List.copyOf(images);
    }

    /**
     * The console UART as the family's driver needs it.
     *
     * @param uart        the peripheral's name in the datasheet, e.g. {@code uarte0}, {@code usart1}, {@code sercom5}
     * @param base        its register block
     * @param tx          the TX pin as the datasheet names it: {@code P1.03} (nRF), {@code PA9} (STM32, SAMD51),
     *                    {@code PAD48} (Apollo3), or by its number where the chip numbers its pins without ports:
     *                    {@code PIN17} (CXD5602: SPI0_CS_X, pin 17 in NuttX's cxd56xx/pin.h)
     * @param rx          the RX pin, spelled the same way
     * @param pinFunction the pins' function where the family multiplexes them: STM32 alternate function (7 = AF7),
     *                    SAMD51 multiplexer function (2 = C), Apollo3 pad function (FNCSEL); null for the nRF52840,
     *                    whose UARTE takes any pin
     * @param rxPad       SAMD51 only: the SERCOM pad RX is on (TX is on PAD0)
     */
    public record Console(String uart, long base, String tx, String rx, Integer pinFunction, Integer rxPad) {

        private static final Pattern PORT_PIN = Pattern.compile("P(?:(\\d)\\.(\\d{1,2})|([A-Z])(\\d{1,2}))");
        private static final Pattern NUMBERED = Pattern.compile("(?:PAD|PIN)(\\d{1,3})");

        /** True when {@code name} is a pin name the firmware understands. */
        public static boolean isPinName(String name) {
            if (NUMBERED.matcher(name).matches()) {
                return true;
            }
            Matcher m = PORT_PIN.matcher(name);
            return m.matches() && Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(4)) < 32;
        }

        /**
         * A pin as the firmware takes it: port * 32 + pin ({@code P1.03} = 35, {@code PB16} = 48, {@code PA9} = 9), or
         * the pad's or pin's number ({@code PAD48} = 48, {@code PIN17} = 17).
         */
        public static int pinNumber(String name) {
            if (!isPinName(name)) {
                throw new IllegalArgumentException("not a pin name: " + name);
            }
            Matcher numbered = NUMBERED.matcher(name);
            if (numbered.matches()) {
                return Integer.parseInt(numbered.group(1));
            }
            Matcher m = PORT_PIN.matcher(name);
            m.matches();
            int port = m.group(1) != null ? m.group(1).charAt(0) - '0' : m.group(3).charAt(0) - 'A';
            int pin = Integer.parseInt(m.group(1) != null ? m.group(2) : m.group(4));
            return port * 32 + pin;
        }
    }

    /** An image file a bootloader or probe takes. Spelled in lower case in the YAML. */
    public enum ImageFormat {
        /** Raw bytes from the flash origin on (bossac, st-flash, ST-LINK's drive). */
        BIN,
        /** Intel HEX, which carries its addresses (openocd, nrfjprog, STM32CubeProgrammer). */
        HEX,
        /** UF2 with the family id, for the drive a UF2 bootloader shows. */
        UF2,
        /** The linked ELF itself, for tools that take its program headers (NuttX's mkspk makes the Spresense's .spk). */
        ELF;

        @JsonValue
        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The file name extension, with its dot. */
        public String extension() {
            return "." + yamlName();
        }
    }
}
