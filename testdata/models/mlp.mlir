// Two-layer MLP: x[16x128] -> linear 256 + bias -> GELU (exact) -> linear 64 + bias.
func.func @mlp(%x: tensor<16x128xf32>, %w1: tensor<128x256xf32>, %b1: tensor<256xf32>, %w2: tensor<256x64xf32>, %b2: tensor<64xf32>) -> tensor<16x64xf32> {
  %h = graph.matmul %x, %w1 : (tensor<16x128xf32>, tensor<128x256xf32>) -> tensor<16x256xf32>
  %hb = graph.bias_add %h, %b1 {axis = 1 : i64} : (tensor<16x256xf32>, tensor<256xf32>) -> tensor<16x256xf32>
  %a = graph.gelu %hb {approximate = "none"} : (tensor<16x256xf32>) -> tensor<16x256xf32>
  %o = graph.matmul %a, %w2 : (tensor<16x256xf32>, tensor<256x64xf32>) -> tensor<16x64xf32>
  %y = graph.bias_add %o, %b2 {axis = 1 : i64} : (tensor<16x64xf32>, tensor<64xf32>) -> tensor<16x64xf32>
  return %y : tensor<16x64xf32>
}
