// Lowers elementwise graph ops (arithmetic with broadcasting, bias_add, activations) to one nest.
package dev.colt.lower.graph;

import dev.colt.dialect.graph.BiasAddOp;
import dev.colt.dialect.graph.GeluOp;
import dev.colt.dialect.graph.LeakyReluOp;
import dev.colt.dialect.graph.ReluOp;
import dev.colt.dialect.graph.SigmoidOp;
import dev.colt.dialect.graph.SqrtOp;
import dev.colt.dialect.graph.TanhOp;
import dev.colt.ir.AffineExpr;
import dev.colt.ir.Block;
import dev.colt.ir.MemRefType;
import dev.colt.ir.Operation;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import java.util.List;

/** One nest over the result; operands are read through broadcasting subscripts. */
final class ElementwiseLowering {
  private ElementwiseLowering() {}

  private static MemRefType type(Value memref) {
    return (MemRefType) memref.type();
  }

  /** {@code out = in0 <op> in1} for arith op {@code arithOp}, with numpy broadcasting. */
  static void binary(LoweringContext c, String arithOp, List<Value> in, Value out) {
    List<Long> shape = type(out).shape();
    Nests.forEach(c.body(), shape, (b, ivs) -> {
      Value x = Nests.load(b, in.get(0), Nests.broadcast(type(in.get(0)).shape(), shape, 0), ivs);
      Value y = Nests.load(b, in.get(1), Nests.broadcast(type(in.get(1)).shape(), shape, 0), ivs);
      Nests.store(b, Scalars.binary(b, arithOp, x, y), out, Nests.dims(0, shape.size()), ivs);
    });
  }

  static void biasAdd(LoweringContext c, Operation op, List<Value> in, Value out) {
    List<Long> shape = type(out).shape();
    int axis = BiasAddOp.axis(op.attributes(), shape.size());
    Nests.forEach(c.body(), shape, (b, ivs) -> {
      Value x = Nests.load(b, in.get(0), Nests.dims(0, shape.size()), ivs);
      Value bias = Nests.load(b, in.get(1), List.of(AffineExpr.dim(axis)), ivs);
      Nests.store(b, Scalars.add(b, x, bias), out, Nests.dims(0, shape.size()), ivs);
    });
  }

  /** Unary ops: relu, leaky_relu, sigmoid, tanh, gelu, sqrt. */
  static void unary(LoweringContext c, Operation op, List<Value> in, Value out) {
    List<Long> shape = type(out).shape();
    Type t = type(out).elementType();
    Activation f = activation(c, op, t);
    Nests.forEach(c.body(), shape, (b, ivs) -> {
      Value x = Nests.load(b, in.get(0), Nests.dims(0, shape.size()), ivs);
      Nests.store(b, f.apply(b, x), out, Nests.dims(0, shape.size()), ivs);
    });
  }

  /** A scalar function emitted into the innermost body. */
  @FunctionalInterface
  private interface Activation {
    Value apply(Block.Builder b, Value x);
  }

  /** The scalar form of {@code op}; its constants are created once, before the nest. */
  private static Activation activation(LoweringContext c, Operation op, Type t) {
    switch (op.name()) {
      case ReluOp.NAME -> {
        Value zero = c.constant(0, t);
        return (b, x) -> Scalars.max(b, x, zero);
      }
      case LeakyReluOp.NAME -> {
        Value zero = c.constant(0, t);
        Value alpha = c.constant(LeakyReluOp.alpha(op.attributes()), t);
        return (b, x) -> Scalars.select(b, Scalars.lessThan(b, x, zero),
            Scalars.mul(b, alpha, x), x);
      }
      case SigmoidOp.NAME -> {
        Value one = c.constant(1, t);
        return (b, x) -> Scalars.div(b, one, Scalars.add(b, one,
            Scalars.exp(b, Scalars.neg(b, x))));
      }
      case TanhOp.NAME -> {
        return (b, x) -> Scalars.tanh(b, x);
      }
      case SqrtOp.NAME -> {
        return (b, x) -> Scalars.sqrt(b, x);
      }
      case GeluOp.NAME -> {
        Value half = c.constant(0.5, t);
        Value one = c.constant(1, t);
        if (GeluOp.tanhApproximation(op.attributes())) {
          Value k = c.constant(Math.sqrt(2 / Math.PI), t);
          Value cubic = c.constant(0.044715, t);
          return (b, x) -> {
            Value x3 = Scalars.mul(b, Scalars.mul(b, x, x), x);
            Value inner = Scalars.mul(b, k, Scalars.add(b, x, Scalars.mul(b, cubic, x3)));
            Value th = Scalars.tanh(b, inner);
            return Scalars.mul(b, Scalars.mul(b, half, x), Scalars.add(b, one, th));
          };
        }
        Value invSqrt2 = c.constant(1 / Math.sqrt(2), t);
        return (b, x) -> {
          Value erf = Scalars.erf(b, Scalars.mul(b, x, invSqrt2));
          return Scalars.mul(b, Scalars.mul(b, half, x), Scalars.add(b, one, erf));
        };
      }
      default -> throw new IllegalArgumentException("not an activation: " + op.name());
    }
  }
}
