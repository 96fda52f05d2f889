Feature: Data Scientist — magic_wand gestures from collection to an x86 container and an emulated board
  As a data scientist I want to collect and label accelerometer gestures, train a small CNN on them, store the
  model together with the data it came from, and see its int8 version classify held-out gestures in a
  device-like build and on an emulated microcontroller exactly as the reference interpreter does,
  so that I can trust the model I hand over to the firmware team.

  Scenario: magic_wand is collected, labelled, trained, stored, converted and run bit-exactly in an x86 container and on a board
    Given accelerometer windows of the gestures wing, ring, slope and negative are synthesized and labelled
    Then the data set is stored with a content hash, class-balanced and split into train, validation and test
    When the gesture CNN is trained with TensorFlow
    Then the cross-entropy went down and the validation accuracy is well above chance
    When the trained gesture model is stored
    Then its manifest names the data's content hash and the training metrics
    When the gesture model is converted to an int8 .tflite file with per-channel convolution weights
    Then the reference interpreter's accuracy on the test windows meets its goal of at least 80% (90% in the full profile)
    And the int8 accuracy is within 8 percentage points of the float model's
    When the gesture model is compiled ahead of time to C
    And the compiled gesture model runs in the x86 container on every test window
    Then at least 200 test windows were classified there
    And every window's int8 output is bit-identical to the reference interpreter's
    When the compiled model runs on the emulated board "arduino_nano_33_ble_sense" on every test input
    Then every int8 output on the board is bit-identical to the reference interpreter's
    And the firmware fits the board's real flash and RAM and reports its instructions per inference
