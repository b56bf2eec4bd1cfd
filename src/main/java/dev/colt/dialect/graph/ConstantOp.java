// graph.constant: a tensor of known elements (weights, biases, shapes).
package dev.colt.dialect.graph;

import dev.colt.ir.Attribute;
import dev.colt.ir.Location;
import dev.colt.ir.OpTrait;
import dev.colt.ir.Operation;
import dev.colt.ir.TensorType;
import dev.colt.ir.text.OpParser;
import dev.colt.ir.text.OpPrinter;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code %w = graph.constant dense<[1.0, 2.0]> : tensor<2xf32>}: the {@code value} attribute (a
 * dense elements attribute of tensor type) is the result.
 */
public final class ConstantOp implements GraphOp {
  public static final String NAME = "graph.constant";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<OpTrait> traits() {
    return Set.of(OpTrait.PURE, OpTrait.CONSTANT_LIKE);
  }

  @Override
  public int minOperands() {
    return 0;
  }

  @Override
  public int maxOperands() {
    return 0;
  }

  @Override
  public Map<String, AttrKind> attributeKinds() {
    return Map.of("value", AttrKind.DENSE);
  }

  /** The elements; precondition: {@code op} verified. */
  public static Attribute.DenseElementsAttr value(Operation op) {
    return (Attribute.DenseElementsAttr) op.attr("value");
  }

  @Override
  public TensorType inferResultType(List<TensorType> in, Map<String, Attribute> attrs) {
    Attribute v = attrs.get("value");
    if (!(v instanceof Attribute.DenseElementsAttr d)) {
      throw new ShapeException("attribute 'value' (dense elements) is required");
    }
    if (!(d.type() instanceof TensorType t)) {
      throw new ShapeException("value must have a tensor type, got " + d.type());
    }
    return t;
  }

  @Override
  public List<Attribute> fold(Operation op, List<Attribute> constantOperands) {
    return List.of(op.attr("value"));
  }

  /** A constant holding {@code value}. */
  public static Operation build(Attribute.DenseElementsAttr value, Location location) {
    return new ConstantOp().build(List.of(), Map.of("value", value), location);
  }

  @Override
  public void print(Operation op, OpPrinter p) {
    p.print(" ").printAttribute(op.attr("value"));
  }

  @Override
  public Operation parse(OpParser p, Location location) {
    Location at = p.location();
    Attribute value = p.parseAttribute();
    if (!(value instanceof Attribute.DenseElementsAttr d) || !(d.type() instanceof TensorType t)) {
      throw p.error(at, "expected dense elements of tensor type");
    }
    return Operation.create(NAME, List.of(), List.of(t), Map.of("value", value), List.of(),
        location);
  }
}
