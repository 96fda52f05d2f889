Feature: CFO — cloud or TinyML, from figures measured on the board
  As the CFO I want to compare running a model in the cloud against running it on the device, per device, for the whole
  fleet and over the years, with the fleet size where one becomes cheaper than the other, so that I can decide with
  numbers — the instructions measured on the board, every other assumption a named parameter I can edit and version.

  Scenario: hello_world on the Nano 33 BLE Sense for 1,000 devices over 3 years
    When the CFO asks what "hello_world" costs on "arduino_nano_33_ble_sense" for 1000 devices over 3 years
    Then the estimate rests on the instructions per inference measured by the board's latest dry-run
    And TinyML answers in the measured instructions × 1.25 cycles at the board's 64 MHz, the cloud in 150 ms
    And TinyML is cheaper above a break-even fleet where both totals are equal
    And cost.html plots both totals against fleet size with the break-even marked, and cost.json holds every figure

  Scenario: the CFO's own assumptions change the answer
    Given the CFO's assumptions file says each device classifies 60 times a day
    When the CFO asks what "hello_world" costs on "arduino_nano_33_ble_sense" for 1000 devices over 3 years with that file
    Then the verdict is "the cloud is cheaper at every fleet size"

  Scenario: an assumptions file with a negative price is refused naming the parameter and its line
    Given the CFO's assumptions file gives cloud.usd_per_gb_transferred as -0.09
    When the CFO asks what "hello_world" costs on "arduino_nano_33_ble_sense" for 1000 devices over 3 years with that file
    Then the request is refused with "cloud.usd_per_gb_transferred must be zero or more, found -0.09" and its line

  Scenario Outline: a question about something that does not exist is refused, listing what does
    When the CFO asks what "<example>" costs on "<board>" for 1000 devices over 3 years
    Then the request is refused with "<message>"

    Examples:
      | example     | board                     | message                                       |
      | sine_wave   | arduino_nano_33_ble_sense | no example 'sine_wave'; known: hello_world    |
      | hello_world | nano                      | no board 'nano'; known: adafruit_edgebadge    |
      | hello_world | x86                       | x86 is where we test, not a device to buy     |
      | hello_world | arm_mps3_an547            | arm_mps3_an547 has no economics               |
