@service
Feature: CTO — the board matrix as jobs, one per target, spread over the service's workers
  As the CTO I want the dry-run matrix to run on the service's job engine, one job per target, so that a nightly matrix
  spreads over every worker machine, while support still sees per target whether a request can work and why not.

  Background:
    Given the TinyMLaaS service is running on its registry database
    And I use the first operator's token

  Scenario: hello_world's matrix over x86 and a board no emulator here runs
    When I start the matrix of "hello_world" on "x86" and "himax_we1_plus"
    Then the answer is 202
    And the matrix has one cell per target in order, "himax_we1_plus" CANNOT_RUN_HERE saying why, "x86" a job of its own
    And the matrix finishes with "x86" PASSED, bit-identical to the reference interpreter

  Scenario: a matrix with an unknown target is refused before any cell starts
    When I post to "/api/matrices" the body {"example":"hello_world","targets":["x86","no_such_board"]}
    Then the answer is 400 naming the field "targets"
