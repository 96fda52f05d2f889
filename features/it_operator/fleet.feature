Feature: IT operator — a live fleet of emulated devices reporting over MQTT
  As the on-site IT operator I want every device to report on its own — heartbeats, and each inference's figures at the
  board's clock — through a bridge process on its host to the service's MQTT broker, so that I see which devices are
  online, what they run and how they do, and hear at once when one goes silent, is not who it says, or runs a model
  nobody assigned to it.

  Background:
    Given the TinyMLaaS service is running on its registry database
    And I use the first operator's token
    And a hello_world model trained by a pipeline from seed 7 is in the registry
    And a fleet of 3 emulated "arduino_nano_33_ble_sense" devices runs the model of seed 7 behind bridges of 2 devices each, with a heartbeat every 500 ms

  Scenario: every device of a small fleet is online and reports its inferences
    Then every device of the fleet is ONLINE and trusted, reporting the model hash it was assigned
    And every device of the fleet has reported inferences without errors
    And the fleet summary counts the devices online on their board, the model in the field, inferences per minute and the latency on the board
    And the fleet's event stream starts with a summary

  Scenario: a broker restart: the bridges reconnect and carry on reporting
    When the MQTT broker restarts
    Then every bridge of the fleet reconnects and its reports are accepted again
    And every device of the fleet is ONLINE and trusted, reporting the model hash it was assigned

  Scenario: messages that are malformed, repeated, about another bridge's device, or from a stranger are rejected and counted
    Given the device "forger-1" on board "arduino_nano_33_ble_sense" reached by "emulator" is registered
    And the model of seed 7 has been assigned to "forger-1"
    And a bridge "forger" is registered for "forger-1" and connected to the broker with its secret
    When "forger" publishes a heartbeat for "forger-1" with its flashed firmware and model
    Then "forger-1" is ONLINE and trusted
    When "forger" publishes that same heartbeat again
    And "forger" publishes a message that is not JSON
    And "forger" publishes a heartbeat for a device of the fleet
    Then the bridge "forger" has 1 report accepted, 1 duplicate, 1 malformed and 1 about a device not its own
    And a client with a wrong secret for "forger" is refused by the broker

  Scenario: a device that reports a model other than the one assigned to it is marked untrusted, with an alert
    Given the device "forger-2" on board "arduino_nano_33_ble_sense" reached by "emulator" is registered
    And the model of seed 7 has been assigned to "forger-2"
    And a bridge "forger-two" is registered for "forger-2" and connected to the broker with its secret
    When "forger-two" publishes a heartbeat for "forger-2" with its flashed firmware and another model's hash
    Then "forger-2" is marked untrusted, with an alert naming the model it reports and the one it was assigned
    And the fleet summary counts 1 untrusted device

  Scenario: a device given a new model by a rollout is restarted on it by its bridge and reports the new model
    Given a hello_world model trained by a pipeline from seed 8 is in the registry
    When the model of seed 8 is assigned to the first device of the fleet and verified
    Then the first device of the fleet reports the model of seed 8, ONLINE and trusted

  Scenario: a device whose heartbeats stop goes offline within 3 heartbeat intervals and a sweep, with an alert
    When the bridge of the fleet that runs 1 device is killed
    Then its device goes OFFLINE within 3 heartbeat intervals of its last heartbeat plus the 1 s sweep, with an offline alert
    And the other devices of the fleet stay ONLINE
