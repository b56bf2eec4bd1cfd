// Transformer feed-forward sublayer: y = x + W2 gelu(W1 layer_norm(x) + b1) + b2, model width 64.
func.func @transformer_ffn(%x: tensor<16x64xf32>, %gamma: tensor<64xf32>, %beta: tensor<64xf32>, %w1: tensor<64x256xf32>, %b1: tensor<256xf32>, %w2: tensor<256x64xf32>, %b2: tensor<64xf32>) -> tensor<16x64xf32> {
  %n = graph.layer_norm %x, %gamma, %beta {axis = -1 : i64, epsilon = 9.99999974E-6 : f32} : (tensor<16x64xf32>, tensor<64xf32>, tensor<64xf32>) -> tensor<16x64xf32>
  %h = graph.matmul %n, %w1 : (tensor<16x64xf32>, tensor<64x256xf32>) -> tensor<16x256xf32>
  %hb = graph.bias_add %h, %b1 {axis = 1 : i64} : (tensor<16x256xf32>, tensor<256xf32>) -> tensor<16x256xf32>
  %a = graph.gelu %hb {approximate = "none"} : (tensor<16x256xf32>) -> tensor<16x256xf32>
  %o = graph.matmul %a, %w2 : (tensor<16x256xf32>, tensor<256x64xf32>) -> tensor<16x64xf32>
  %ob = graph.bias_add %o, %b2 {axis = 1 : i64} : (tensor<16x64xf32>, tensor<64xf32>) -> tensor<16x64xf32>
  %y = graph.add %x, %ob : (tensor<16x64xf32>, tensor<16x64xf32>) -> tensor<16x64xf32>
  return %y : tensor<16x64xf32>
}
