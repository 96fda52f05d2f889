@service
Feature: IT operator — register devices and toolchains with the service
  As the on-site IT operator I want to register the devices I observe and the toolchains I compile with through the
  service's REST API, with every mistake refused and explained, so that the whole site is in one registry.

  Background:
    Given the TinyMLaaS service is running on its registry database
    And I use the first operator's token

  Scenario: an emulated device is registered and listed with its board, location and tags
    When I register the device "line-3 vibration" on board "arduino_nano_33_ble_sense" reached by "emulator" at "line 3, cabinet B" tagged "line-3, vibration"
    Then the answer is 201
    And the device "line-3 vibration" is listed as REGISTERED on "arduino_nano_33_ble_sense" at "line 3, cabinet B" tagged "line-3, vibration"

  Scenario: a real board on a serial port is registered with its port
    When I register the device "bench nano" on board "arduino_nano_33_ble_sense" reached by "serial" on port "/dev/ttyACM0"
    Then the answer is 201
    And the device "bench nano" is reached over "serial" on port "/dev/ttyACM0"

  Scenario: registering a device name twice is refused and the first stays as it was
    Given the device "door sensor" on board "sparkfun_edge" reached by "emulator" is registered
    When I register the device "door sensor" on board "stm32f746_disco" reached by "emulator"
    Then the answer is 409 with a message naming "door sensor"
    And the device "door sensor" is still on board "sparkfun_edge"

  Scenario Outline: a bad registration is refused naming the field at fault
    When I post to "/api/devices" the body <body>
    Then the answer is 400 naming the field "<field>"

    Examples:
      | body                                                                           | field     |
      | {"name":"a","board":"no_such_board","transport":"emulator"}                    | board     |
      | {"name":"b","board":"sparkfun_edge","transport":"bluetooth"}                   | transport |
      | {"name":"c","board":"sparkfun_edge","transport":"serial"}                      | port      |
      | {"board":"sparkfun_edge","transport":"emulator"}                               | name      |
      | {"name":"d","board":"sparkfun_edge","transport":"emulator","colour":"red"}     | colour    |
      | {"name":"e","board":"sparkfun_edge","transport":"emulator","tags":"not-a-list"} | tags      |
      | {"name":                                                                       | body      |

  Scenario: names shaped like SQL injection or HTML are stored verbatim and harm nothing
    When I register the device "x'); drop table device; -- <script>alert(1)</script>" on board "sparkfun_edge" reached by "emulator"
    Then the answer is 201
    And the device "x'); drop table device; -- <script>alert(1)</script>" is listed with exactly that name
    And the device list still answers 200

  Scenario: a body over the size limit is refused before it is read
    When I post a body of 10 MB to "/api/devices"
    Then the answer is 413

  Scenario: a token of the wrong role, a made-up token and no token are refused
    Given the operator has made a "viewer" token for "Vera"
    When I register the device "viewer's device" on board "sparkfun_edge" reached by "emulator"
    Then the answer is 403 naming the role "operator"
    When I list the devices
    Then the answer is 200
    Given I use the token "tml_not_a_real_token"
    When I list the devices
    Then the answer is 401
    Given I use no token
    When I list the devices
    Then the answer is 401

  Scenario: an unknown device or board is 404 and says only what was asked for
    When I get "/api/devices/987654"
    Then the answer is 404 with a message naming "987654"
    When I get "/api/boards/no_such_board"
    Then the answer is 404 with a message naming "no_such_board"

  Scenario: a model trained elsewhere is registered from its .tflite file; a file that is not a model is refused
    When I register the .tflite file of an int8 dense model with 64 inputs and 16 hidden units as "small_dense"
    Then the answer is 201
    And the model "small_dense" is listed with the file's SHA-256 and size, and nothing about data or training
    When I register the bytes "this is not a flatbuffer" as the model "broken"
    Then the answer is 422
    And no model named "broken" is listed

  Scenario: the built-in toolchains are registered and health-checked
    When I list the toolchains
    Then the toolchains "tinyml-aot", "arm-none-eabi-gcc" and "x86-container-gcc" are listed
    And each is installed with a version, or not installed with a reason saying how to install it
    And "tinyml-aot" is installed

  Scenario: a host gcc is registered as a toolchain; a missing one is registered as not installed, saying why
    When I register the toolchain "host gcc" of kind "gcc" run by "gcc"
    Then the answer is 201
    And the toolchain is installed with a version starting "gcc"
    When I register the toolchain "missing gcc" of kind "gcc" run by "/opt/nowhere/bin/gcc"
    Then the answer is 201
    And the toolchain is not installed, with a reason naming "/opt/nowhere/bin/gcc"
    When I check the toolchain "host gcc" again
    Then the answer is 200
    And the toolchain is installed with a version starting "gcc"
