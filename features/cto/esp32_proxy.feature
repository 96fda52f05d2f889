@nightly
Feature: CTO — every example on the ESP32 through the Xtensa LX106 proxy
  As the CTO I want each example's model run on the ESP32 boards as far as this machine allows — on QEMU's lx106 core,
  a subset of the ESP32's LX6 — so that support knows before anyone buys an ESP32 that its outputs are the reference
  interpreter's, with instruction counts as an approximation. hello_world runs on it in every build
  (flash_and_infer.feature); the classifiers wait for the nightly build.

  Scenario Outline: <example> runs bit-identically on the ESP32-DevKitC's Xtensa LX106 proxy, as on the Nano 33 BLE Sense
    When the CTO dry-runs "<example>" on the targets "esp32_devkitc,arduino_nano_33_ble_sense" with at most 20 test inputs on each board
    Then "esp32_devkitc" and "arduino_nano_33_ble_sense" passed with 0 LSB difference to the reference interpreter
    And "esp32_devkitc" ran on the "Xtensa LX106 proxy"

    Examples:
      | example          |
      | magic_wand       |
      | mnist_lstm       |
      | person_detection |
      | micro_speech     |
