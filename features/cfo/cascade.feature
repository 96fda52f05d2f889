Feature: CFO — a cascade of TinyML and cloud, from answers on held-out data and figures measured on the board
  As the CFO I want the device to answer what it is sure of and send the rest to a larger model in the cloud, and to
  see for each confidence threshold what that buys in accuracy and what it costs in money and time, so that I can
  choose a threshold with numbers instead of choosing between the cloud and TinyML.

  Scenario: magic_wand on the Nano 33 BLE Sense, the threshold swept from 0 to 1
    When the CFO sweeps the cascade of "magic_wand" on "arduino_nano_33_ble_sense" over the thresholds 0,0.5,0.9,0.99,1
    Then the device alone is as accurate on the held-out samples as the board's latest dry-run judged its int8 model
    And the cloud's model is the example's recipe twice as wide, trained in float on the same data and stored with its manifest
    And at threshold 0 the cascade is the device alone, at 1 it answers as the cloud alone, and the share sent grows in between
    And each threshold costs the device for every inference plus the cloud for the share sent, and takes the device's time plus that share of the round trip
    And cascade.html plots accuracy against cost per 1,000 inferences with the device alone and the cloud alone marked, and cascade.json holds every figure

  Scenario: a board run that sampled the held-out data is measured again on all of it before the device's answers are trusted
    Given the latest dry-run of "magic_wand" on "arduino_nano_33_ble_sense" ran only 20 test inputs on the board
    When the CFO sweeps the cascade of "magic_wand" on "arduino_nano_33_ble_sense" over the thresholds 0,1
    Then the board was dry-run again for the cascade
    And the device alone is as accurate on the held-out samples as the board's latest dry-run judged its int8 model

  @nightly
  Scenario: micro_speech on the Nano 33 BLE Sense, the threshold swept from 0 to 1
    When the CFO sweeps the cascade of "micro_speech" on "arduino_nano_33_ble_sense" over the thresholds 0,0.5,0.9,0.99,1
    Then the device alone is as accurate on the held-out samples as the board's latest dry-run judged its int8 model
    And the cloud's model is the example's recipe twice as wide, trained in float on the same data and stored with its manifest
    And at threshold 0 the cascade is the device alone, at 1 it answers as the cloud alone, and the share sent grows in between
    And each threshold costs the device for every inference plus the cloud for the share sent, and takes the device's time plus that share of the round trip
    And cascade.html plots accuracy against cost per 1,000 inferences with the device alone and the cloud alone marked, and cascade.json holds every figure

  Scenario Outline: what a cascade cannot be made of is refused before anything runs
    When the CFO sweeps the cascade of "<example>" on "<board>" over the thresholds <thresholds>
    Then the cascade is refused with "<message>"

    Examples:
      | example     | board                     | thresholds | message                                                        |
      | magic_wand  | arduino_nano_33_ble_sense | 0.5,1.5    | thresholds: a threshold is a confidence in [0, 1], found 1.5   |
      | magic_wand  | arduino_nano_33_ble_sense | -0.1       | thresholds: a threshold is a confidence in [0, 1], found -0.1  |
      | hello_world | arduino_nano_33_ble_sense | 0.5        | hello_world is a regression                                    |
      | magic_wand  | nano                      | 0.5        | no board 'nano'; known: adafruit_edgebadge                     |
