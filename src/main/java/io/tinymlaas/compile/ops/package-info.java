/**
 * The operators' lowerings: one class per operator family turning it into a prepared kernel call, registered in
 * {@link io.tinymlaas.compile.ops.Lowerings}; the helpers they share are {@link io.tinymlaas.compile.ops.LoweringSupport}.
 */
package io.tinymlaas.compile.ops;
