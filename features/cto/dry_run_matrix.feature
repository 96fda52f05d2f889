Feature: CTO — one dry-run over several boards, with a verdict per board that support can act on
  As the CTO I want one command to make a model once and try it on every target I name,
  so that support can accept a customer's request for a board that works and turn down, with the reason,
  one that cannot work.

  Scenario: hello_world is made once and tried on x86, an emulated board and a board no emulator here runs
    When the CTO dry-runs "hello_world" on the targets "x86,arduino_nano_33_ble_sense,himax_we1_plus" with at most 100 test inputs on each board
    Then the matrix has a row per target, in the order asked
    And "x86" ran every test input and "arduino_nano_33_ble_sense" the first 100
    And "x86" and "arduino_nano_33_ble_sense" passed with 0 LSB difference to the reference interpreter
    And "arduino_nano_33_ble_sense" reports its instructions per inference, flash and RAM
    And "himax_we1_plus" cannot run here because "no ARC emulator installed"
    And the model was trained only once for the whole matrix
    And the matrix is written as matrix.md and matrix.json next to the per-target reports
