Feature: Data Scientist — memory_footprint: which board each model fits, with the bytes
  As a data scientist I want to know, before anyone flashes anything, how much flash and RAM my int8 models need
  on each supported board, and by how many bytes a model is too big where it does not fit,
  so that I can pick a board or shrink the model.

  Scenario Outline: the <example> model's footprint is measured on every board an emulator here runs
    Given the "<example>" model has been trained, converted and compiled
    When its firmware is linked for every board an emulator here runs
    Then every board gets flash and RAM bytes and fits with bytes to spare
    And the RAM includes the model's activation arena and the flash its weights

    Examples:
      | example     |
      | hello_world |
      | magic_wand  |

  Scenario: a model with 600 KB of weights fits a 1 MB board and is too big for a 512 KB one, by a stated number of bytes
    Given an int8 dense model with 1024 inputs and 600 hidden units
    When its firmware is linked for "arduino_nano_33_ble_sense" and "adafruit_edgebadge"
    Then "arduino_nano_33_ble_sense" fits with bytes to spare
    And "adafruit_edgebadge" does not fit: its flash is exceeded by the firmware size minus 524288 bytes

  Scenario: the ARC boards, which no emulator here runs, still get hello_world's firmware linked and checked against their memory
    Given the "hello_world" model has been trained, converted and compiled
    When its firmware is linked for "himax_we1_plus" and "arc_emsdp"
    Then "himax_we1_plus" fits with bytes to spare
    And "arc_emsdp" fits with bytes to spare
