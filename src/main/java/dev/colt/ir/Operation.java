// The generic operation: name, operands, results, attributes, regions; immutable.
package dev.colt.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One operation, in MLIR's generic shape. Immutable: the {@code with*} methods return copies that
 * keep the same result values (so the copy can stand in for the original in a rebuilt tree), and
 * {@link #clone(IRMapping)} returns a deep copy with fresh results and block arguments. Dialect
 * classes give typed access and builders; see {@link OpDefinition}.
 */
public record Operation(String name, List<Value> operands, List<Value> results,
    SortedMap<String, Attribute> attributes, List<Region> regions, Location location) {

  public Operation {
    operands = List.copyOf(operands);
    results = List.copyOf(results);
    attributes = Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
    regions = List.copyOf(regions);
    location = location == null ? Location.UNKNOWN : location;
  }

  /** Creates an op with fresh result values of the given types. */
  public static Operation create(String name, List<Value> operands, List<Type> resultTypes,
      Map<String, Attribute> attributes, List<Region> regions, Location location) {
    List<Value> results = new ArrayList<>(resultTypes.size());
    for (Type t : resultTypes) {
      results.add(new Value(t));
    }
    return new Operation(name, operands, results, new TreeMap<>(attributes), regions, location);
  }

  /** Creates an op without regions at an unknown location. */
  public static Operation create(String name, List<Value> operands, List<Type> resultTypes,
      Map<String, Attribute> attributes) {
    return create(name, operands, resultTypes, attributes, List.of(), Location.UNKNOWN);
  }

  /** The only result; fails with IllegalStateException unless there is exactly one. */
  public Value result() {
    if (results.size() != 1) {
      throw new IllegalStateException(name + " has " + results.size() + " results, not 1");
    }
    return results.get(0);
  }

  public Value result(int i) {
    return results.get(i);
  }

  public Value operand(int i) {
    return operands.get(i);
  }

  public Region region(int i) {
    return regions.get(i);
  }

  /** The entry block of region {@code i}. */
  public Block body(int i) {
    return regions.get(i).entry();
  }

  /** The entry block of the first region. */
  public Block body() {
    return body(0);
  }

  public Attribute attr(String key) {
    return attributes.get(key);
  }

  public boolean hasAttr(String key) {
    return attributes.containsKey(key);
  }

  /** The dialect prefix of the name ({@code affine} for {@code affine.for}). */
  public String dialect() {
    int dot = name.indexOf('.');
    return dot < 0 ? "" : name.substring(0, dot);
  }

  public boolean is(String opName) {
    return name.equals(opName);
  }

  public Operation withOperands(List<Value> newOperands) {
    return new Operation(name, newOperands, results, attributes, regions, location);
  }

  public Operation withAttributes(Map<String, Attribute> newAttributes) {
    return new Operation(name, operands, results, new TreeMap<>(newAttributes), regions, location);
  }

  /** A copy with one attribute set (replaced when present). */
  public Operation withAttribute(String key, Attribute value) {
    TreeMap<String, Attribute> attrs = new TreeMap<>(attributes);
    attrs.put(key, value);
    return new Operation(name, operands, results, attrs, regions, location);
  }

  public Operation withoutAttribute(String key) {
    TreeMap<String, Attribute> attrs = new TreeMap<>(attributes);
    attrs.remove(key);
    return new Operation(name, operands, results, attrs, regions, location);
  }

  public Operation withRegions(List<Region> newRegions) {
    return new Operation(name, operands, results, attributes, newRegions, location);
  }

  /** A copy whose first region's entry block is {@code block}. */
  public Operation withBody(Block block) {
    List<Region> rs = new ArrayList<>(regions);
    rs.set(0, Region.of(block));
    return withRegions(rs);
  }

  /** Visits this op and every nested op, parents before children, in order. */
  public void walk(Consumer<Operation> visitor) {
    visitor.accept(this);
    for (Region r : regions) {
      for (Block b : r.blocks()) {
        for (Operation op : b.operations()) {
          op.walk(visitor);
        }
      }
    }
  }

  /** Every nested op (not this one) in pre-order. */
  public List<Operation> nestedOps() {
    List<Operation> all = new ArrayList<>();
    walk(all::add);
    all.remove(0);
    return all;
  }

  /**
   * Deep copy: operands are remapped through {@code mapping} (values not in it are kept), results
   * and block arguments are fresh and recorded in {@code mapping}.
   */
  public Operation clone(IRMapping mapping) {
    List<Value> newOperands = operands.stream().map(mapping::lookupOrSelf).toList();
    List<Region> newRegions = new ArrayList<>(regions.size());
    for (Region r : regions) {
      newRegions.add(r.cloneWith(mapping));
    }
    List<Value> newResults = new ArrayList<>(results.size());
    for (Value v : results) {
      Value nv = new Value(v.type());
      mapping.map(v, nv);
      newResults.add(nv);
    }
    return new Operation(name, newOperands, newResults, attributes, newRegions, location);
  }

  @Override
  public String toString() {
    return name + "(" + operands.size() + " operands, " + results.size() + " results)";
  }
}
