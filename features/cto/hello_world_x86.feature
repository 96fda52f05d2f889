Feature: CTO — hello_world (sine) runs in an x86 container, no hardware
  As the CTO I want the classic hello_world model to go through the whole lifecycle automatically,
  with every output checked against the reference TensorFlow Lite interpreter,
  so that I know the pipeline works before any board is involved.

  Scenario: hello_world is trained, converted, compiled and run bit-exactly in an x86 container
    Given the hello_world sine data set is collected and stored with a content hash
    When the 1-16-16-1 network is trained with TensorFlow
    Then the training loss went down and the validation MSE is below 0.005
    When the network is converted to an int8 .tflite file by our converter
    Then the reference interpreter loads it and its test outputs are within 0.05 of sin(x) on average, never off by more than 0.1
    When the .tflite file is compiled ahead of time to C
    Then the static activation arena needs at most 200 bytes
    When the compiled model runs in the x86 container on every test input
    Then at least 1000 outputs were compared
    And every int8 output is bit-identical to the reference interpreter's

  Scenario: the CTO's dry-run reports a passing hello_world lifecycle
    When the CTO dry-runs "hello_world" on "x86"
    Then the dry-run passes every stage
    And its report shows 0 LSB difference to the reference interpreter

  Scenario: a dry-run trains on the stored data version and seed it is given, the same ones make the same model, and a version that does not exist stops it at collect
    Given the hello_world sine data set is collected and stored with a content hash
    When the CTO dry-runs "hello_world" on "x86" on that stored data version with seed 3
    Then the dry-run passes every stage
    And its report names that data version and content hash, and its collect stage says it used the stored version
    And its train stage names seed 3, and the model registry records seed 3 for the model it stored
    When the CTO dry-runs "hello_world" on "x86" on that stored data version with seed 3 again
    Then the dry-run passes every stage
    And both dry-runs stored the same float model and made the same int8 model, byte for byte
    When the CTO dry-runs "hello_world" on "x86" on the data version "0000000"
    Then the dry-run fails at "collect" saying "no version '0000000' of data set sine"
