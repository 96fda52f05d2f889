/**
 * Data sets: collecting (synthesizers, public corpora), labelling, versioned storage with manifests and provenance,
 * and the splits every stage reads.
 */
package io.tinymlaas.data;
