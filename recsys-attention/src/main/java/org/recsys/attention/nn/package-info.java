/**
 * Numeric building blocks shared by the attention models: {@link org.recsys.attention.nn.FloatTensor} (native
 * float buffers owned by ND4J, reused across steps), direct OpenBLAS GEMM ({@link org.recsys.attention.nn.Blas}),
 * fused Java kernels (layer norm, fast exp and tanh, dropout streams), trainable tensors
 * ({@link org.recsys.attention.nn.ParameterSet}), {@link org.recsys.attention.nn.Adam}, and the dense states
 * ({@link org.recsys.attention.nn.DenseStates}) that encoders produce and heads score.
 */
package org.recsys.attention.nn;
