@service
Feature: IT operator — assign a model to devices: update over the air, verify, roll back
  As the on-site IT operator I want to assign a model to devices and have each one updated over the air — firmware built
  for its board, flashed, and verified by the model hash its HELLO reports and by test inferences bit-identical to the
  reference interpreter — and a device whose update fails rolled back to the firmware it ran before, in groups that
  stop when too many fail.

  Background:
    Given the TinyMLaaS service is running on its registry database
    And I use the first operator's token
    And hello_world models trained by pipelines from seeds 7 and 8 are in the registry

  Scenario: a model is assigned to an emulated Nano 33 BLE Sense, flashed and verified
    Given the device "nano-1" on board "arduino_nano_33_ble_sense" reached by "emulator" is registered
    When I assign the model of seed 7 to "nano-1"
    Then the answer is 202 and the rollout is queued as a job
    And the rollout COMPLETED with "nano-1" VERIFIED: its HELLO names the model and its test inferences are bit-identical
    And the device "nano-1" is ONLINE running the model of seed 7, with the flashed firmware's hash

  Scenario: a flash that fails midway is rolled back, and the device answers with its old model again
    Given the device "nano-2" on board "arduino_nano_33_ble_sense" reached by "emulator" is registered
    And the model of seed 7 has been assigned to "nano-2"
    And the next flash of "nano-2" is set to be interrupted midway
    When I assign the model of seed 8 to "nano-2"
    Then the rollout has "nano-2" ROLLED_BACK, saying verification failed and that it rolled back to the model of seed 7
    And the device "nano-2" is ONLINE running the model of seed 7, with the flashed firmware's hash
    And the device "nano-2" has no fault left to show

  Scenario: a rollout stops when its failures pass the error threshold, and leaves the other devices untouched
    Given the devices "edge-1", "edge-2" and "edge-3" on board "sparkfun_edge" reached by "emulator" are registered
    And the next flash of "edge-1" is set to be interrupted midway
    When I assign the model of seed 7 to "edge-1", "edge-2" and "edge-3" in groups of 1 with an error threshold of 0.0
    Then the answer is 202 and the rollout is queued as a job
    And the rollout STOPPED after group 1, saying 1 of 1 devices failed
    And "edge-1" FAILED, with no earlier firmware to roll back to, and "edge-2" and "edge-3" were SKIPPED
    And the devices "edge-2" and "edge-3" are still REGISTERED with no model

  Scenario: a cancelled rollout ends before its next device, and the devices it did not reach keep what they ran
    Given the devices "cell-1", "cell-2" and "cell-3" on board "arduino_nano_33_ble_sense" reached by "emulator" are registered
    When I assign the model of seed 7 to "cell-1", "cell-2" and "cell-3" in groups of 1 and cancel the rollout at once
    Then the rollout is CANCELLED by the first operator, with "cell-3" SKIPPED as not tried
    And every device of the rollout is VERIFIED or SKIPPED, and each SKIPPED one is still REGISTERED with no model
    And cancelling the rollout again is refused with 409 saying it has ended

  Scenario: a model too big for a device's board is refused before any flash, naming the memory and the bytes
    Given the device "badge-1" on board "adafruit_edgebadge" reached by "emulator" is registered
    And an int8 dense model with 1024 inputs and 600 hidden units is registered as "wide_dense"
    When I assign the model "wide_dense" to "badge-1"
    Then the answer is 202 and the rollout is queued as a job
    And "badge-1" was REFUSED with a reason naming its flash and the bytes over
    And the device "badge-1" is still REGISTERED with no model

  Scenario Outline: a bad assignment is refused naming the field at fault
    When I post to "/api/rollouts" the body <body>
    Then the answer is 400 naming the field "<field>"

    Examples:
      | body                                                       | field          |
      | {"modelId":"no_such_model","devices":[1]}                  | modelId        |
      | {"devices":[1]}                                            | modelId        |

  Scenario Outline: a bad assignment of a registered model is refused naming the field at fault
    When I assign the model of seed 7 with <fields>
    Then the answer is 400 naming the field "<field>"

    Examples:
      | fields                                 | field          |
      | "devices":[]                           | devices        |
      | "devices":[987654]                     | devices        |
      | "devices":[987654],"groupSize":0       | groupSize      |
      | "devices":[987654],"errorThreshold":2  | errorThreshold |
      | "devices":"all"                        | devices        |
