// Unit tests for the IR printer: mlir-opt's layout, numbering, aliases and attribute spellings.
package dev.colt.ir.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.colt.dialect.func.CallOp;
import dev.colt.dialect.func.FuncOp;
import dev.colt.dialect.func.ReturnOp;
import dev.colt.ir.FloatType;
import dev.colt.ir.FunctionType;
import dev.colt.ir.ModuleOp;
import dev.colt.ir.Operation;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrinterTest {
  private static String roundTrip(String src) {
    String printed = Printer.print(Parser.parseModule(src, "t.mlir"));
    assertEquals(printed, Printer.print(Parser.parseModule(printed, "printed.mlir")),
        "printing the parsed output again must give the same text");
    return printed;
  }

  @Test
  void functionsAndCallsPrintLikeMlirOpt() {
    String out = roundTrip("""
        func.func private @g(f32) -> f32
        func.func @f(%a: f32, %n: index) -> (f32, f32) attributes {llvm.emit_c_interface} {
          %x = func.call @g(%a) : (f32) -> f32
          func.return %x, %a : f32, f32
        }
        """);
    assertEquals("""
        module {
          func.func private @g(f32) -> f32
          func.func @f(%arg0: f32, %arg1: index) -> (f32, f32) attributes {llvm.emit_c_interface} {
            %0 = call @g(%arg0) : (f32) -> f32
            return %0, %arg0 : f32, f32
          }
        }
        """, out);
  }

  @Test
  void nestedRegionsContinueTheParentNumbering() {
    String out = roundTrip("""
        func.func @f(%n: index) {
          %a = "test.op"() : () -> f32
          "test.loop"() ({
          ^bb0(%i: index):
            %b = "test.op"(%i) : (index) -> f32
            "test.yield"() : () -> ()
          }) : () -> ()
          %c:2 = "test.two_results"() : () -> (f32, i32)
          "test.op"(%c#1, %a) : (i32, f32) -> ()
          return
        }
        """);
    assertEquals("""
        module {
          func.func @f(%arg0: index) {
            %0 = "test.op"() : () -> f32
            "test.loop"() ({
            ^bb0(%arg1: index):
              %2 = "test.op"(%arg1) : (index) -> f32
              "test.yield"() : () -> ()
            }) : () -> ()
            %1:2 = "test.two_results"() : () -> (f32, i32)
            "test.op"(%1#1, %0) : (i32, f32) -> ()
            return
          }
        }
        """, out);
  }

  @Test
  void mapsAndSetsBecomeAliasesInMlirOptOrder() {
    String out = roundTrip("""
        "test.op"() ({
          "test.op"() {m = affine_map<(d0) -> (d0 * 2)>} : () -> ()
        }) {s = affine_set<(d0) : (d0 - 1 >= 0)>, z = affine_map<(d0)[s0] -> (d0 + s0, d0 - s0 * 3)>} : () -> ()
        """);
    assertEquals("""
        #map = affine_map<(d0) -> (d0 * 2)>
        #map1 = affine_map<(d0)[s0] -> (d0 + s0, d0 - s0 * 3)>
        #set = affine_set<(d0) : (d0 - 1 >= 0)>
        module {
          "test.op"() ({
            "test.op"() {m = #map} : () -> ()
          }) {s = #set, z = #map1} : () -> ()
        }
        """, out);
  }

  @Test
  void attributeSpellings() {
    String out = roundTrip("""
        "test.op"() {a = 1.0 : f32, b = 0.1 : f32, c = 0x7F800000 : f32, d = 2.5, e = 7 : i8,
          f = true, g = dense<[[1, 2], [3, 4]]> : tensor<2x2xi32>, h = dense<-0.5> : vector<4xf32>,
          i = array<i32: 1, 0>, j = array<i64>, k = "q\\"\\n", l = [@s, unit, f32], m = 1.0e-5 : f32,
          n = 16777217.0 : f64, o = -0.0 : f32, p = {y = 1 : index}} : () -> ()
        """);
    assertEquals("""
        module {
          "test.op"() {a = 1.000000e+00 : f32, b = 1.000000e-01 : f32, c = 0x7F800000 : f32, \
        d = 2.500000e+00 : f64, e = 7 : i8, f = true, g = dense<[[1, 2], [3, 4]]> : tensor<2x2xi32>, \
        h = dense<-5.000000e-01> : vector<4xf32>, i = array<i32: 1, 0>, j = array<i64>, \
        k = "q\\22\\0A", l = [@s, unit, f32], m = 9.99999974E-6 : f32, n = 0x4170000010000000 : f64, \
        o = -0.000000e+00 : f32, p = {y = 1 : index}} : () -> ()
        }
        """, out);
  }

  @Test
  void nonAsciiStringsRoundTripThroughByteEscapes() {
    String out = roundTrip("\"test.op\"() {s = \"caf\u00e9 \u20ac\"} : () -> ()\n");
    assertEquals("module {\n  \"test.op\"() {s = \"caf\\C3\\A9 \\E2\\82\\AC\"} : () -> ()\n}\n",
        out);
  }

  @Test
  void builtIrPrints() {
    FunctionType ft = new FunctionType(List.of(FloatType.F32), List.of(FloatType.F32));
    Operation callee = FuncOp.declare("g", ft);
    Operation f = FuncOp.create("f", ft, b -> {
      Operation call = b.add(CallOp.create("g", List.of(b.argument(0)), List.of(FloatType.F32)));
      b.add(ReturnOp.create(call.results()));
    });
    String out = Printer.print(ModuleOp.create(List.of(callee, f)));
    assertEquals("""
        module {
          func.func private @g(f32) -> f32
          func.func @f(%arg0: f32) -> f32 {
            %0 = call @g(%arg0) : (f32) -> f32
            return %0 : f32
          }
        }
        """, out);
  }

  @Test
  void genericFormSpellsOutEverything() {
    Operation m = Parser.parseModule("""
        func.func @f(%a: f32) -> f32 {
          %x = "test.op"(%a) {k = affine_map<(d0) -> (d0 floordiv 2)>} : (f32) -> f32
          return %x : f32
        }
        """, "g.mlir");
    String generic = Printer.printGeneric(m);
    assertEquals("""
        #map = affine_map<(d0) -> (d0 floordiv 2)>
        "builtin.module"() ({
          "func.func"() ({
          ^bb0(%arg0: f32):
            %0 = "test.op"(%arg0) {k = #map} : (f32) -> f32
            "func.return"(%0) : (f32) -> ()
          }) {function_type = (f32) -> f32, sym_name = "f"} : () -> ()
        }) : () -> ()
        """, generic);
    assertEquals(Printer.print(m), Printer.print(Parser.parseModule(generic, "g2.mlir")));
  }
}
