@browser
Feature: CEO — the fleet at a glance, live, in a browser
  As the CEO I want one web page that shows the fleet as it is now — devices by status and by board, the model versions
  in the field, inferences per minute, latency per board, failures over time and alerts — and that changes as the
  fleet does, without reloading, so that I see at a glance how the devices do. The page only reads the REST API, and
  a viewer's token is enough.

  Background:
    Given the TinyMLaaS service is running on its registry database
    And I use the first operator's token
    And a hello_world model trained by a pipeline from seed 7 is in the registry
    And a hello_world model trained by a pipeline from seed 8 is in the registry
    And a fleet of 2 emulated "arduino_nano_33_ble_sense" devices runs the model of seed 7 behind bridges of 1 devices each, with a heartbeat every 500 ms

  Scenario: the dashboard follows the fleet live: online by board, a new model rolled out, a device gone silent
    Given the dashboard is open in the browser, signed in with a viewer's token
    Then the dashboard shows 2 devices ONLINE on "arduino_nano_33_ble_sense", all running the model of seed 7
    And the dashboard shows inferences per minute above 0 and a latency for "arduino_nano_33_ble_sense"
    When the model of seed 8 is assigned to the first device of the fleet and verified
    Then the dashboard shows, without a reload, 1 device running the model of seed 8 and 1 the model of seed 7
    When the bridge of the fleet that runs 1 device is killed
    Then the dashboard shows, without a reload, 1 device OFFLINE with an open offline alert naming it
    And the page has not been reloaded since it opened
