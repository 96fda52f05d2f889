@service
Feature: CTO and CFO — support verdicts and cost estimates asked of the service
  As the CTO I want support staff to ask the service, not a terminal, whether a request can work, and the CFO what a
  fleet costs, so that every door gives the same answer from the same dry-run measured on the emulated board.

  Background:
    Given the TinyMLaaS service is running on its registry database
    And I use the first operator's token

  Scenario: support asks whether hello_world runs on the Nano and a worker answers with every check measured
    When I post to "/api/support-requests" the body {"model":"hello_world","board":"arduino_nano_33_ble_sense","latencyMs":1,"batteryDays":365}
    Then the answer is 202
    And the support request is answered ACCEPT with memory, outputs, latency and battery life MET, as the feasible command answers

  Scenario: the CFO asks what 1,000 Nanos cost over 3 years and gets the figures `bin/tinyml cost` gives
    When I post to "/api/cost-estimates" the body {"example":"hello_world","board":"arduino_nano_33_ble_sense","fleet":1000,"years":3}
    Then the answer is 202
    And the cost estimate is answered with the same fleet totals, break-even fleet and summary as the cost command

  Scenario: bad questions are refused when asked, before any worker takes them
    When I post to "/api/support-requests" the body {"model":"hello_world","board":"arduino_nano_33_ble_sense","accuracy":1.5}
    Then the answer is 400 naming the field "accuracy"
    When I post to "/api/support-requests" the body {"model":"no_such_model","board":"arduino_nano_33_ble_sense"}
    Then the answer is 400 naming the field "model"
    When the CFO sends hello_world on the Nano with assumptions whose cloud.usd_per_gb_transferred is -0.09
    Then the answer is 400 with a message naming "cloud.usd_per_gb_transferred must be zero or more, found -0.09"
    And the message names the line of cloud.usd_per_gb_transferred in the assumptions sent
    When I get "/api/cost-estimates/999999"
    Then the answer is 404
