// Graph IR text: every op parses, prints and re-parses to the same text; bad ops give located errors.
package dev.colt.dialect.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.ir.Diagnostic;
import dev.colt.ir.DiagnosticException;
import dev.colt.ir.Operation;
import dev.colt.ir.text.Parser;
import dev.colt.ir.text.Printer;
import org.junit.jupiter.api.Test;

class GraphTextTest {
  static final String ALL_OPS = """
      func.func @all(%x: tensor<2x4xf32>, %w: tensor<4x3xf32>, %img: tensor<1x2x6x6xf32>, \
      %k: tensor<4x1x3x3xf32>, %bt: tensor<5x2x4xf32>) -> tensor<2x3xf32> {
        %c = graph.constant dense<[1.0, 2.0, 3.0]> : tensor<3xf32>
        %mm = graph.matmul %x, %w : (tensor<2x4xf32>, tensor<4x3xf32>) -> tensor<2x3xf32>
        %bmm = graph.batch_matmul %bt, %w : (tensor<5x2x4xf32>, tensor<4x3xf32>) -> tensor<5x2x3xf32>
        %g = graph.gemm %x, %w, %c {alpha = 2.0 : f32, beta = 0.5 : f32, transA = false, transB = false} : (tensor<2x4xf32>, tensor<4x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
        %cv = graph.conv2d %img, %k {dilations = array<i64: 1, 1>, group = 2 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x2x6x6xf32>, tensor<4x1x3x3xf32>) -> tensor<1x4x3x3xf32>
        %a = graph.add %mm, %c : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
        %s = graph.sub %a, %g : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
        %m = graph.mul %s, %s : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
        %d = graph.div %m, %c : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
        %ba = graph.bias_add %d, %c {axis = 1 : i64} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
        %r = graph.relu %ba : (tensor<2x3xf32>) -> tensor<2x3xf32>
        %lr = graph.leaky_relu %r {alpha = 0.1 : f32} : (tensor<2x3xf32>) -> tensor<2x3xf32>
        %sg = graph.sigmoid %lr : (tensor<2x3xf32>) -> tensor<2x3xf32>
        %th = graph.tanh %sg : (tensor<2x3xf32>) -> tensor<2x3xf32>
        %ge = graph.gelu %th {approximate = "tanh"} : (tensor<2x3xf32>) -> tensor<2x3xf32>
        %sq = graph.sqrt %ge : (tensor<2x3xf32>) -> tensor<2x3xf32>
        %sm = graph.softmax %sq {axis = -1 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
        %ln = graph.layer_norm %sm, %c, %c {axis = 1 : i64, epsilon = 1.0e-05 : f32} : (tensor<2x3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
        %rm = graph.reduce_mean %ln {axes = array<i64: 1>, keepdims = true} : (tensor<2x3xf32>) -> tensor<2x1xf32>
        %rs = graph.reduce_sum %ln {keepdims = false} : (tensor<2x3xf32>) -> tensor<f32>
        %mp = graph.max_pool %img {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x2x6x6xf32>) -> tensor<1x2x3x3xf32>
        %ap = graph.avg_pool %img {count_include_pad = true, kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x2x6x6xf32>) -> tensor<1x2x6x6xf32>
        %gp = graph.global_avg_pool %img : (tensor<1x2x6x6xf32>) -> tensor<1x2x1x1xf32>
        %tr = graph.transpose %ln {perm = array<i64: 1, 0>} : (tensor<2x3xf32>) -> tensor<3x2xf32>
        %rh = graph.reshape %tr {shape = array<i64: 6>} : (tensor<3x2xf32>) -> tensor<6xf32>
        %fl = graph.flatten %img {axis = 2 : i64} : (tensor<1x2x6x6xf32>) -> tensor<2x36xf32>
        %cc = graph.concat %ln, %g {axis = 0 : i64} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<4x3xf32>
        return %ln : tensor<2x3xf32>
      }
      """;

  @Test
  void everyOpRoundTrips() {
    Operation module = Parser.parseModule(ALL_OPS, "all.mlir");
    String printed = Printer.print(module);
    for (var def : new GraphDialect().operations()) {
      assertTrue(printed.contains(def.name() + " "), def.name() + " missing in\n" + printed);
    }
    assertEquals(printed, Printer.print(Parser.parseModule(printed, "printed.mlir")));
  }

  @Test
  void wrongResultTypeIsALocatedError() {
    String text = """
        func.func @f(%a: tensor<2x4xf32>, %b: tensor<4x3xf32>) -> tensor<2x2xf32> {
          %c = graph.matmul %a, %b : (tensor<2x4xf32>, tensor<4x3xf32>) -> tensor<2x2xf32>
          return %c : tensor<2x2xf32>
        }
        """;
    DiagnosticException e = assertThrows(DiagnosticException.class,
        () -> Parser.parseModule(text, "bad.mlir"));
    Diagnostic d = e.diagnostics().get(0);
    assertEquals(2, d.location().line());
    assertTrue(d.message().contains("does not match the inferred type tensor<2x3xf32>"),
        d.message());
  }
}
