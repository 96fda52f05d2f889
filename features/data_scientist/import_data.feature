Feature: Data Scientist — my own recordings and pictures in, answers out
  As a data scientist I want to import a folder of my own recordings or pictures as a data set, train on it, and
  classify a new file with one command on x86 and on an emulated board,
  so that a model is made from and checked on my data, not only on the examples' synthesized data.

  Scenario: my own WAV recordings become a keyword model that classifies a new recording alike on x86 and on a board
    Given a folder with a sub-folder "yes" and a sub-folder "no" of recordings spoken by espeak-ng in 5 voices each, some as 44.1 kHz stereo and some as 8-bit
    When the folder is imported as micro_speech data with the source "espeak-ng voices, made by the test" and the licence "CC0-1.0"
    Then a data set version is stored whose manifest names that source and licence, the classes "no" and "yes", and how each file was converted
    When a keyword model is trained briefly on that version, converted to int8 with its metadata, and judged
    Then the model's .tflite file names its classes "no" and "yes" and its input scale 0.0390625 and zero point -128
    When a new recording of "yes" in a voice never imported is classified on x86 and on the board arduino_nano_33_ble_sense
    Then both give the same class with bit-identical scores, each identical to the reference interpreter's

  Scenario: my own pictures become an image model that classifies a new picture alike on x86 and on a board
    Given a folder with a sub-folder "stripes" and a sub-folder "dots" of 6 pictures each, as PNG, JPEG, BMP and PGM of several sizes
    When the folder is imported as person_detection data with the source "drawn by the test" and the licence "CC0-1.0"
    Then a data set version is stored whose manifest names that source and licence, the classes "dots" and "stripes", and how each file was converted
    When an image model is trained briefly on that version, converted to int8 with its metadata, and judged
    Then the model's .tflite file names its classes "dots" and "stripes"
    When a new picture of stripes is classified on x86 and on the board arduino_nano_33_ble_sense
    Then both give the same class with bit-identical scores, each identical to the reference interpreter's

  Scenario: a folder with a file that is not what it claims to be is refused whole, the file named
    Given a folder with a sub-folder "yes" and a sub-folder "no" of recordings spoken by espeak-ng in 3 voices each, some as 44.1 kHz stereo and some as 8-bit
    And a file "no/broken take.wav" that holds text, not audio
    When the folder is imported as micro_speech data with the source "espeak-ng voices, made by the test" and the licence "CC0-1.0"
    Then the import is refused naming "broken take.wav is not a WAV file (no RIFF/WAVE header)"
    And no micro_speech data set is stored
