Feature: CTO — support-request verdicts from a dry-run on the board
  As the CTO I want support to answer "can model M run on board B within these limits?" with ACCEPT or REJECT and every
  reason measured on the emulated board — never a guess — so that a request that cannot work is turned down before
  anyone promises it, and one that can is accepted with the figures that show it.

  Scenario: hello_world on the Nano within generous limits is accepted, each limit shown with what was measured
    When support asks whether "hello_world" runs on "arduino_nano_33_ble_sense" within 1 ms and 365 battery days
    Then the verdict is ACCEPT
    And the checks memory, outputs, latency and battery life are MET
    And the latency check says how long an inference takes at 64 MHz and the limit of 1 ms

  Scenario: a latency limit the board cannot meet is rejected naming the time it takes
    When support asks whether "hello_world" runs on "arduino_nano_33_ble_sense" within 0.001 ms and 365 battery days
    Then the verdict is REJECT
    And the latency check is NOT_MET, saying "ms per inference at 64 MHz" and "limit 0.001 ms"

  Scenario: a board no emulator here runs is rejected as unverified, saying why
    When support asks whether "hello_world" runs on "himax_we1_plus" within 1 ms and 365 battery days
    Then the verdict is REJECT
    And the runs here check is UNVERIFIED, saying "cannot run here"

  Scenario: a model too big for the board's memory is rejected naming the memory and the bytes, before it runs
    Given an int8 dense model with 1024 inputs and 600 hidden units as a .tflite file
    When support asks whether that file runs on "adafruit_edgebadge"
    Then the verdict is REJECT
    And the memory check is NOT_MET, saying "bytes too many for flash"

  Scenario: an accuracy outside (0, 1] is bad input, not a verdict
    When support asks whether "hello_world" runs on "arduino_nano_33_ble_sense" with an accuracy of 1.5
    Then the request is refused as bad input naming "accuracy: must be in (0, 1], found 1.5"
