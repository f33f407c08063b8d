/** The native BLAS behind the hand-written kernels: which library, which kernel, loaded on the CPU's best. */
package org.recsys.attention.nn.blas;
