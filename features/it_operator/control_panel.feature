@browser
Feature: IT operator — the control panel, in a browser
  As the on-site IT operator I want one web page where I register devices, models and toolchains, compose and run
  pipelines and assign models, watching each run and rollout as it goes, so that my daily work needs no curl. The
  page only calls the REST API, with the same roles; every name is shown as the text it is.

  Background:
    Given the TinyMLaaS service is running on its registry database
    And the control panel is open in the browser, signed out

  Scenario: signing in with a token; a wrong one is refused with the API's message
    When I sign in with the token "tml_not_a_real_token"
    Then the sign-in form says "the token is not known here"
    When I sign in with the first operator's token
    Then the panel shows me signed in as "first operator (operator)"
    And it lists the devices, toolchains, models, pipelines and rollouts

  Scenario: a device is registered, and a name shaped like HTML is shown as text
    Given I am signed in with the first operator's token
    When I register the emulated device "<script>alert('panel')</script><b>line-4</b>" on board "arduino_nano_33_ble_sense" tagged "line-4"
    Then the devices list shows "<script>alert('panel')</script><b>line-4</b>" exactly as typed, REGISTERED
    And no script of the name ran and no markup was made of it

  Scenario: toolchains are registered with their health check
    Given I am signed in with the first operator's token
    When I register in the panel the toolchain "board gcc" of kind "arm-gcc" run by "arm-none-eabi-gcc"
    Then the toolchains list shows "board gcc" INSTALLED with the version it printed
    When I register in the panel the toolchain "gone gcc" of kind "gcc" run by "no-such-gcc-9"
    Then the toolchains list shows "gone gcc" MISSING saying why

  Scenario: a pipeline is composed from stages and run, its progress followed to the end
    Given I am signed in with the first operator's token
    When I compose the pipeline "sine to int8 (panel)" of "hello_world" on "x86" up to "convert" with seed 11
    And I run "sine to int8 (panel)" from the pipelines list
    And I refresh the page at once
    Then the run shows the stages collect, train, store and convert as they end, each PASSED
    And the run ends PASSED naming the model it stored

  Scenario: a model is uploaded and assigned to an emulated device, verified across a refresh; a failed flash is rolled back
    Given I am signed in with the first operator's token
    And I have registered the emulated device "panel-nano" on board "arduino_nano_33_ble_sense" tagged "panel"
    When I upload a small int8 model with 16 hidden units as "dense_small"
    And I assign "dense_small" to the group "panel"
    And I refresh the page at once
    Then the rollout of "dense_small" still lists "panel-nano", as the server has it
    And the rollout of "dense_small" reaches COMPLETED with "panel-nano" VERIFIED
    And the devices list shows "panel-nano" ONLINE running "dense_small"
    When I set the next flash of "panel-nano" to be interrupted, from the devices list
    And I upload a small int8 model with 8 hidden units as "dense_smaller"
    And I assign "dense_smaller" to the group "panel"
    Then the rollout of "dense_smaller" ends with "panel-nano" ROLLED_BACK to "dense_small"
    And the devices list shows "panel-nano" ONLINE running "dense_small"

  Scenario: the API's refusals are shown as its messages, and a viewer's role is the API's
    Given I am signed in with the first operator's token
    When I upload a small int8 model with 16 hidden units as "<b>bold</b>"
    Then the model form says "may hold only letters, digits"
    Given the operator has made a "viewer" token for "Vera"
    And the control panel is open in the browser, signed out
    When I sign in with that token
    Then the panel shows me signed in as "Vera (viewer)"
    When I register the emulated device "Vera's nano" on board "arduino_nano_33_ble_sense" tagged "vera"
    Then the device form says "this needs the operator role"
