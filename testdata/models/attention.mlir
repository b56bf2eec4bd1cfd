// Scaled dot-product attention, 4 heads of width 16 over 32 positions: softmax(Q K^T / 4) V.
func.func @attention(%q: tensor<1x4x32x16xf32>, %k: tensor<1x4x32x16xf32>, %v: tensor<1x4x32x16xf32>) -> tensor<1x4x32x16xf32> {
  %scale = graph.constant dense<2.500000e-01> : tensor<f32>
  %kt = graph.transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x4x32x16xf32>) -> tensor<1x4x16x32xf32>
  %s = graph.batch_matmul %q, %kt : (tensor<1x4x32x16xf32>, tensor<1x4x16x32xf32>) -> tensor<1x4x32x32xf32>
  %ss = graph.mul %s, %scale : (tensor<1x4x32x32xf32>, tensor<f32>) -> tensor<1x4x32x32xf32>
  %p = graph.softmax %ss {axis = -1 : i64} : (tensor<1x4x32x32xf32>) -> tensor<1x4x32x32xf32>
  %y = graph.batch_matmul %p, %v : (tensor<1x4x32x32xf32>, tensor<1x4x32x16xf32>) -> tensor<1x4x32x16xf32>
  return %y : tensor<1x4x32x16xf32>
}
