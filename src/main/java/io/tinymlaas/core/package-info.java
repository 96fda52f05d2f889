/**
 * What every other package may use and that knows nothing of ML: errors, the project layout, content hashes,
 * rounding, host programs on the PATH. Depends on nothing of ours.
 */
package io.tinymlaas.core;
