Feature: Data Scientist — person_detection from real face images to an x86 container and an emulated board
  As a data scientist I want to collect and label real face and non-face images framed in real photos of scenes
  without people, train a small MobileNet-style CNN on them, store the model together with the data it came from, and see its int8 version classify images it has never
  seen, in a device-like build, exactly as the reference interpreter does,
  so that I can hand the firmware team a person detector that fits a Cortex-M4.

  Scenario: person_detection is collected, labelled, trained, stored, converted and run bit-exactly in an x86 container and on an emulated board
    Given scikit-image's LFW faces and non-faces are collected as 96x96 grayscale views, framed in real scene photos, and labelled person or no_person
    Then the image data set is stored with a content hash, its source and licence, split by source image
    When the person CNN with depthwise separable blocks is trained with TensorFlow
    Then the person CNN's cross-entropy went down and its validation accuracy is above 75%
    When the trained person model is stored
    Then the person model's manifest names the data's content hash and the training metrics
    When the person model is converted to an int8 .tflite file with per-channel depthwise and pointwise convolutions
    Then one inference takes at most 5000000 multiply-accumulates
    And the reference interpreter's accuracy on the held-out test images meets the goal of at least 75%
    And the person model's int8 accuracy is within 3 percentage points of its float accuracy
    When the person model is compiled ahead of time to C
    Then its activation arena needs at most 60000 bytes
    When the compiled person model runs in the x86 container on every test image
    Then at least 1000 test images were classified there
    And every image's int8 output is bit-identical to the reference interpreter's
    When the compiled model runs on the emulated board "arduino_nano_33_ble_sense" on 50 test inputs (every test input in the full profile)
    Then every int8 output on the board is bit-identical to the reference interpreter's
    And the firmware fits the board's real flash and RAM and reports its instructions per inference
    When scikit-image's photos "astronaut.png camera.png coffee.png chelsea.png", a source never used in training, are classified on x86 and on the board arduino_nano_33_ble_sense
    Then each photo gets the same class and bit-identical scores on x86, on the board and in the reference interpreter
