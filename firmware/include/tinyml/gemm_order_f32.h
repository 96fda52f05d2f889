/*
 * The order in which the reference interpreter's float GEMM (Eigen on x86 with SSE: 16 registers, packets of 4 floats)
 * sums the K products of one output, for the float CONV_2D (im2col) and FULLY_CONNECTED kernels, so that theirs and
 * ours round identically. An output is (row, column): row = output channel, column = pixel or batch. Eigen computes
 * rows in panels of 8, then of 4, then one at a time, and columns in groups of 4:
 *
 * - in a whole column group, a 4-row panel accumulates even and odd k separately over the largest multiple of 8 and
 *   adds the two sums; a leftover row accumulates k mod 4 in four sums over the largest multiple of 4, added as
 *   (s0 + s1) + (s2 + s3);
 * - a product with a single column (one batch) is a matrix-vector product: every row accumulates k mod 4 over the
 *   largest multiple of 4, added as (s0 + s2) + (s1 + s3) (the packet's horizontal sum);
 * - everything else is summed in order.
 *
 * After the partial sums are merged, the remaining k are added in order. Use: order = tinyml_gemm_order(...); for each k
 * in order: tinyml_gemm_add(&order, sums, k, product); then the result is tinyml_gemm_result(&order, sums, K).
 */
#ifndef TINYML_GEMM_ORDER_F32_H
#define TINYML_GEMM_ORDER_F32_H

#include <stdint.h>

typedef struct {
    int32_t lanes;     /* 1, 2 or 4 partial sums */
    int32_t limit;     /* products k < limit go to partial sum k mod lanes */
    int32_t interleave; /* 4 lanes merged as (s0 + s2) + (s1 + s3) instead of (s0 + s1) + (s2 + s3) */
} tinyml_gemm_order;

static inline tinyml_gemm_order tinyml_gemm_order_of(int32_t row, int32_t rows, int32_t column, int32_t columns, int32_t k) {
    const int32_t panels8 = rows / 8 * 8;
    const int32_t panels4 = panels8 + (rows - panels8) / 4 * 4;
    tinyml_gemm_order order = {1, 0, 0};
    if (columns == 1) {
        order.lanes = 4;
        order.limit = k / 4 * 4;
        order.interleave = 1;
    } else if (column < columns / 4 * 4 && row >= panels8 && row < panels4) {
        order.lanes = 2;
        order.limit = k / 8 * 8;
    } else if (column < columns / 4 * 4 && row >= panels4) {
        order.lanes = 4;
        order.limit = k / 4 * 4;
    }
    return order;
}

static inline void tinyml_gemm_merge(const tinyml_gemm_order *order, float sums[4]) {
    if (order->lanes == 2) {
        sums[0] += sums[1];
    } else if (order->lanes == 4) {
        sums[0] = order->interleave ? (sums[0] + sums[2]) + (sums[1] + sums[3]) : (sums[0] + sums[1]) + (sums[2] + sums[3]);
    }
    sums[1] = sums[2] = sums[3] = 0.0f;
}

static inline void tinyml_gemm_add(const tinyml_gemm_order *order, float sums[4], int32_t k, float product) {
    if (k < order->limit) {
        sums[k % order->lanes] += product;
        return;
    }
    if (k == order->limit) {
        tinyml_gemm_merge(order, sums);
    }
    sums[0] += product;
}

static inline float tinyml_gemm_result(const tinyml_gemm_order *order, float sums[4], int32_t k) {
    if (order->limit == k) {
        tinyml_gemm_merge(order, sums);
    }
    return sums[0];
}

#endif
