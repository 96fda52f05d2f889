/**
 * The model registry: trained float models and their int8 files, stored with content hashes, data version, seed
 * and the quality they were judged to have.
 */
package io.tinymlaas.registry;
