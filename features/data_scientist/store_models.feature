@service
Feature: Data Scientist — stored models keep their whole lineage in the service's registry
  As a Data Scientist I want every model the pipeline stores to be in the service's registry with where it came from —
  the data set version and its hash, the training run and its figures, the .tflite file's hash and the firmware built
  from it per target — so that any model on a device can be traced back to the data it learnt from.

  Background:
    Given the TinyMLaaS service is running on its registry database
    And I use the first operator's token

  Scenario: a pipeline's model is registered with its lineage, from data set to firmware
    When I compose the pipeline "sine lineage" of "hello_world" for "x86" ending at "compare"
    And I run the pipeline "sine lineage"
    Then the run PASSED with stages collect, train, store, convert, reference, compile, run, compare passed
    And the run names the model it stored
    And that model's lineage in the registry gives the data set version and hash, the training seed, epochs and loss, the int8 .tflite hash and its quality goals
    And the model's firmware for "x86" has the .tflite hash, flash and RAM bytes, and is bit-identical to the reference interpreter
    And the data set version it was trained on is listed with the same content hash

  Scenario: models stored from the command line are brought into the registry, and nothing is lost
    Given the operator has made a "data_scientist" token for "Dana"
    When I import the file stores into the registry
    Then the answer is 200
    And every model in the project's file registry is listed by the service with the same hashes
    And importing again brings in nothing new
