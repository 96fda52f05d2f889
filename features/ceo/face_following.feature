Feature: CEO — a face-following pan/tilt stand, from face pictures to servo pulses on an emulated board
  As the CEO I want to show a camera stand that turns to follow a face — its model trained here on real face pictures,
  run on an emulated Cortex-M4 that drives two hobby servos with PWM — checked frame by frame against where the face
  really was, so that customers see a whole TinyML product working, not a slide.

  Scenario: the servos follow a face moving across the frame within 10 degrees on every frame
    When the face-following demo runs on the emulated board "arduino_nano_33_ble_sense"
    Then the face-position model finds the face centre on held-out frames within 3 pixels on average
    And the board answered each of the 33 scripted frames over the UART with its cell scores and a servo command
    And every cell score is bit-identical to the reference interpreter's
    And every servo command is what the host's pan/tilt arithmetic makes of the board's own scores
    And no angle changed by more than 14.11 degrees from one frame to the next, the servo's rate limit
    And every pulse is the one for its angle, between 1000 and 2000 microseconds of a 20000-microsecond period
    And the pan and tilt angles stay within 10 degrees of a stand that knew where the face was, on every frame
    And the report plots the face's path against the servos' path

  Scenario Outline: a board the demo cannot run on is refused with the reason
    When the face-following demo is asked for on the board "<board>"
    Then the demo is refused with "<message>"

    Examples:
      | board          | message                            |
      | himax_we1_plus | no ARC emulator installed          |
      | nano           | unknown board 'nano'; known boards: adafruit_edgebadge |
      | x86            | x86 is not a board                 |
