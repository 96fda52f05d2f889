@service
Feature: IT operator — build ML pipelines and run them as jobs, watching their progress
  As the on-site IT operator I want to compose a pipeline from the lifecycle's stages, run it as a job on the
  service's workers, watch each stage end as it happens, and cancel a run I no longer want.

  Background:
    Given the TinyMLaaS service is running on its registry database
    And I use the first operator's token

  Scenario: a pipeline that ends at convert runs as a job, stage by stage, and skips the rest saying why
    When I compose the pipeline "sine to int8" of "hello_world" for "x86" ending at "convert"
    Then the answer is 201
    When I run the pipeline "sine to int8"
    Then the answer is 202 and the run is queued as a job
    And the run's progress stream sends one event per stage, in order, and then the end
    And the run PASSED with stages collect, train, store, convert passed
    And its stages reference, compile, run, compare were skipped as "not in this pipeline, which ends at convert"
    And the run's own report is kept in its work folder, saying it passed

  Scenario: a running pipeline is cancelled before its next stage
    When I compose the pipeline "cancel me" of "hello_world" for "x86" ending at "compare"
    And I run the pipeline "cancel me"
    And I cancel the run once its first stage has ended
    Then the run ends CANCELLED
    And every stage after the cancel was skipped as "cancelled before this stage", and compare never ran
    When I cancel the run again
    Then the answer is 409 with a message naming "already ended"

  Scenario Outline: a bad pipeline is refused naming the field at fault
    When I post to "/api/pipelines" the body <body>
    Then the answer is 400 naming the field "<field>"

    Examples:
      | body                                                                             | field     |
      | {"name":"p1","example":"no_such_example","target":"x86"}                         | example   |
      | {"name":"p2","example":"hello_world","target":"no_such_board"}                   | target    |
      | {"name":"p3","example":"hello_world","target":"x86","lastStage":"deploy"}        | lastStage |
      | {"name":"p4","example":"hello_world","target":"x86","dataVersion":"000000000000"} | dataVersion |
      | {"name":"p5","example":"hello_world","target":"x86","seed":"many"}               | seed      |

  Scenario: only an operator runs pipelines
    Given the operator has made a "data_scientist" token for "Dana"
    When I compose the pipeline "dana's" of "hello_world" for "x86" ending at "train"
    Then the answer is 403 naming the role "operator"
