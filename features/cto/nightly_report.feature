@nightly
Feature: CTO — the nightly report: every example on every target, for people and for CI
  As the CTO I want one nightly dry-run of every example on x86 and every board, written as one page people read and
  as JUnit XML that CI shows as tests, with every board present — a board no emulator here runs as a cell saying why,
  never dropped — so that each morning shows what works where.

  Scenario: the nightly report of hello_world has a cell on every target
    When the CTO makes the nightly report of "hello_world"
    Then the report has a cell for "hello_world" on x86 and on every board, none left out
    And every board no emulator here runs is a skipped test in junit.xml saying why it cannot run here
    And no cell that can run here failed
    And index.html links every cell to its own run's report
