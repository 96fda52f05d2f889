Feature: Data Scientist — labels, manifests and relabelling of stored data sets
  As a data scientist I want every stored data set version to say where its data comes from, under which licence,
  what its labels are and how many samples of each class every split holds, and I want to correct a wrong label
  without losing the version I started from,
  so that every model can be traced back to the exact data, labels included, it was trained on.

  Background:
    Given a gesture data set of 5 windows per class for training, 2 for validation and 3 for testing is collected and stored

  Scenario: a stored data set carries its labels and a manifest
    Then its manifest names the source, the licence and the classes wing, ring, slope and negative
    And its manifest counts 5 windows of every class in train, 2 in validation and 3 in test
    And labels.csv gives every one of its 40 samples its class

  Scenario: relabelling a sample makes a new version and leaves the old one as it was
    When sample train/6 is relabelled "wing" with the note "alice: the stroke is a W"
    Then a new version is stored with a new content hash, and its parent is the original version
    And its relabel log says train/6 went from "slope" to "wing" with the note "alice: the stroke is a W"
    And the new version's train split counts 6 wing, 5 ring, 4 slope and 5 negative windows
    And the original version is unchanged: the same files and hash, and train/6 is still "slope"

  Scenario: a class the data set does not have is refused and nothing is stored
    When sample train/6 is relabelled "circle" with the note "typo"
    Then the relabelling is refused with "'circle' is not a class of magic_wand; classes: wing, ring, slope, negative"
    And the data set still has 1 version

  Scenario: a model trained on a relabelled version is registered with that version and its quality
    When sample train/6 is relabelled "wing" with the note "alice: the stroke is a W"
    And a gesture CNN is trained briefly on the relabelled version and stored
    Then the model registry lists the model with the relabelled version, its content hash and the training figures
    When the stored model is converted to int8 and judged by the reference interpreter
    Then the model's registry entry holds the int8 file and its accuracy on the test split
