// The common contract of graph dialect ops: operand counts, attribute kinds, shape inference, text.
package dev.colt.dialect.graph;

import dev.colt.ir.Attribute;
import dev.colt.ir.Location;
import dev.colt.ir.OpDefinition;
import dev.colt.ir.OpTrait;
import dev.colt.ir.Operation;
import dev.colt.ir.TensorType;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import dev.colt.ir.VerificationSink;
import dev.colt.ir.text.OpParser;
import dev.colt.ir.text.OpPrinter;
import dev.colt.ir.text.OpSyntax;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A graph op: pure, one tensor result whose type follows from the operand types and attributes by
 * {@link #inferResultType}. The verifier re-runs inference and compares. The default text form is
 * {@code %y = graph.op %a, %b {attrs} : (tensor<..>, tensor<..>) -> tensor<..>}.
 */
public sealed interface GraphOp extends OpDefinition, OpSyntax
    permits MatMulOp, BatchMatMulOp, GemmOp, Conv2dOp, BroadcastBinaryOp, BiasAddOp,
        ReluOp, LeakyReluOp, SigmoidOp, TanhOp, GeluOp, SqrtOp, SoftmaxOp, LayerNormOp, ReduceMeanOp,
        ReduceSumOp, MaxPoolOp, AvgPoolOp, GlobalAvgPoolOp, TransposeOp, ReshapeOp, FlattenOp,
        ConcatOp, ConstantOp {

  /** Fewest operands accepted. */
  int minOperands();

  /** Most operands accepted ({@link Integer#MAX_VALUE} for variadic ops). */
  int maxOperands();

  /** The attributes this op accepts and their kinds; all are optional unless inference needs them. */
  Map<String, AttrKind> attributeKinds();

  /**
   * Infers the result type. Precondition: the operand count is within bounds and every operand is
   * a statically shaped tensor. Fails with {@link ShapeException} naming what does not fit.
   */
  TensorType inferResultType(List<TensorType> operands, Map<String, Attribute> attributes);

  @Override
  default Set<OpTrait> traits() {
    return Set.of(OpTrait.PURE);
  }

  @Override
  default void verify(Operation op, VerificationSink sink) {
    String prefix = "'" + name() + "' op ";
    int n = op.operands().size();
    if (n < minOperands() || n > maxOperands()) {
      String expected = minOperands() == maxOperands() ? Integer.toString(minOperands())
          : maxOperands() == Integer.MAX_VALUE ? "at least " + minOperands()
          : minOperands() + " to " + maxOperands();
      sink.error(op, prefix + "expects " + expected + " operands, got " + n);
      return;
    }
    if (op.results().size() != 1) {
      sink.error(op, prefix + "must have one result, got " + op.results().size());
      return;
    }
    for (Map.Entry<String, Attribute> e : op.attributes().entrySet()) {
      AttrKind kind = attributeKinds().get(e.getKey());
      if (kind == null) {
        sink.error(op, prefix + "has unknown attribute '" + e.getKey() + "' (accepted: "
            + String.join(", ", new java.util.TreeSet<>(attributeKinds().keySet())) + ")");
        return;
      }
      if (!kind.accepts(e.getValue())) {
        sink.error(op, prefix + "attribute '" + e.getKey() + "' must be " + kind.description());
        return;
      }
    }
    try {
      List<TensorType> ins = operandTensorTypes(op.operands());
      TensorType inferred = inferResultType(ins, op.attributes());
      Type actual = op.result().type();
      if (!inferred.equals(actual)) {
        sink.error(op, prefix + "result type " + actual + " does not match the inferred type "
            + inferred);
      }
    } catch (ShapeException e) {
      sink.error(op, prefix + e.getMessage());
    }
  }

  /** The operand types as static tensors; fails with {@link ShapeException} otherwise. */
  static List<TensorType> operandTensorTypes(List<Value> operands) {
    List<TensorType> ins = new ArrayList<>(operands.size());
    for (int i = 0; i < operands.size(); i++) {
      ins.add(Shapes.requireStatic(operands.get(i).type(), "operand #" + i));
    }
    return ins;
  }

  /**
   * Builds the op with an inferred result type. Fails with {@link ShapeException} when the operand
   * count, the attributes or the shapes do not fit.
   */
  default Operation build(List<Value> operands, Map<String, Attribute> attributes,
      Location location) {
    if (operands.size() < minOperands() || operands.size() > maxOperands()) {
      throw new ShapeException(name() + " takes " + minOperands()
          + (maxOperands() == minOperands() ? "" : "+") + " operands, got " + operands.size());
    }
    for (Map.Entry<String, Attribute> e : attributes.entrySet()) {
      AttrKind kind = attributeKinds().get(e.getKey());
      if (kind == null || !kind.accepts(e.getValue())) {
        throw new ShapeException(name() + ": bad attribute '" + e.getKey() + "'");
      }
    }
    TensorType t = inferResultType(operandTensorTypes(operands), attributes);
    return Operation.create(name(), operands, List.of(t), attributes, List.of(), location);
  }

  /** {@link #build(List, Map, Location)} at an unknown location. */
  default Operation build(List<Value> operands, Map<String, Attribute> attributes) {
    return build(operands, attributes, Location.UNKNOWN);
  }

  @Override
  default void print(Operation op, OpPrinter p) {
    if (!op.operands().isEmpty()) {
      p.print(" ").printOperands(op.operands());
    }
    p.printOptionalAttrDict(op.attributes(), List.of());
    p.print(" : (").printTypes(op.operands().stream().map(Value::type).toList()).print(") -> ");
    p.printTypes(op.results().stream().map(Value::type).toList());
  }

  @Override
  default Operation parse(OpParser p, Location location) {
    List<OpParser.UnresolvedOperand> operands = p.parseOperandList();
    Map<String, Attribute> attrs = p.parseOptionalAttrDict();
    p.parsePunct(":");
    p.parsePunct("(");
    List<Type> types = List.of();
    if (!p.parseOptionalPunct(")")) {
      types = p.parseTypeList();
      p.parsePunct(")");
    }
    p.parsePunct("->");
    Type result = p.parseType();
    List<Value> values = p.resolveOperands(operands, types);
    return Operation.create(name(), values, List.of(result), attrs, List.of(), location);
  }
}
