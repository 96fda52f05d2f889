Feature: Data Scientist — micro_speech keywords from synthesized speech to an x86 container and an emulated board
  As a data scientist I want to collect and label one-second clips of "yes", "no", other words and silence, turn
  them into spectrograms with the same front end the device runs, train a small CNN on them, store the model
  together with the data it came from, and see its int8 version classify clips of voices it never heard in a
  device-like build exactly as the reference interpreter does,
  so that I can trust the keyword spotter I hand over to the firmware team.

  Scenario: micro_speech is synthesized, labelled, featurized, trained, stored, converted and run bit-exactly in an x86 container and on an emulated board, front end included
    Given one-second clips of "yes", "no", unknown words and silence are synthesized and labelled
    Then the data set is stored with a content hash and a licence note, class-balanced, with test voices unheard in training
    And the C front end in the x86 container computes exactly the Java front end's features on every test clip
    When the keyword CNN is trained with TensorFlow
    Then the cross-entropy went down and the keyword validation accuracy is well above chance
    When the trained keyword model is stored
    Then its manifest names the keyword data's content hash and the training metrics
    When the keyword model is converted to an int8 .tflite file that takes the front end's int8 features as they are
    Then the reference interpreter's accuracy on the held-out voices meets its goal of at least 65% (85% in the full profile)
    When the keyword model is compiled ahead of time to C
    And the compiled keyword model runs in the x86 container on every test clip
    Then every clip's int8 output is bit-identical to the reference interpreter's
    When the compiled model runs on the emulated board "arduino_nano_33_ble_sense" on every test input
    Then every int8 output on the board is bit-identical to the reference interpreter's
    And the firmware fits the board's real flash and RAM and reports its instructions per inference
    When the audio front end itself runs on the emulated board "arduino_nano_33_ble_sense" on 16 held-out clips (100 in the full profile)
    Then the board's int8 features are byte-identical to the Java front end's on every clip, and its instructions per clip are reported
    When the keyword model and the front end run as one firmware on the emulated board "arduino_nano_33_ble_sense" on 4 raw held-out clips
    Then the board's keyword scores are bit-identical to the reference interpreter's on the Java front end's features, with the same keyword picked on every clip
