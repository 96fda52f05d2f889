Feature: IT operator — flash hello_world onto every emulated board and infer over UART
  As the on-site IT operator I want each supported board to get firmware built for its real memory,
  flashed into an emulator, and queried over its serial console,
  so that I know a model works on a board before any hardware is bought.

  Background:
    Given the hello_world model has been trained, converted and compiled

  Scenario Outline: hello_world runs bit-exactly on <board>
    When the firmware for "<board>" is built, flashed into its emulator and sent every test input over UART
    Then every output is bit-identical to the reference interpreter's
    And each inference reports how many instructions it took
    And the firmware fits the board's real flash and RAM

    # One board per emulated machine (Cortex-M4, M7, M55, and the Xtensa LX106 proxy of the ESP32 boards) in every
    # build; the others run on the same machines with their own memory maps, so they wait for the nightly build.
    Examples: one board per core that an emulator here runs
      | board                        |
      | arduino_nano_33_ble_sense    |
      | stm32f746_disco              |
      | arm_mps3_an547               |
      | esp32_devkitc                |

    @nightly
    Examples: the other seed boards an emulator here runs
      | board                        |
      | sparkfun_edge                |
      | adafruit_edgebadge           |
      | adafruit_tflm_kit            |
      | circuit_playground_bluefruit |
      | wio_terminal                 |
      | sony_spresense               |
      | esp_eye                      |

  Scenario Outline: <board> cannot be emulated here, and the operator is told why
    Then "<board>" is refused with the reason "<reason>"

    Examples:
      | board          | reason                                          |
      | himax_we1_plus | no ARC emulator installed (qemu-system-arc)     |
      | arc_emsdp      | no ARC emulator installed (qemu-system-arc)     |
