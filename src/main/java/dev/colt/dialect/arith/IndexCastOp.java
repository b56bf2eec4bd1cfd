// arith.index_cast: conversion between index and signless integers.
package dev.colt.dialect.arith;

import dev.colt.ir.Attribute;
import dev.colt.ir.Operation;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import java.util.List;

/**
 * {@code arith.index_cast}: index to iN truncates, iN to index sign-extends. Text:
 * {@code %0 = arith.index_cast %i : index to i32}.
 */
public final class IndexCastOp extends CastOp {
  public static final String NAME = "arith.index_cast";

  public IndexCastOp() {
    super(NAME);
  }

  /** Builds {@code arith.index_cast %source : T to resultType}. */
  public static Operation create(Value source, Type resultType) {
    return build(NAME, source, resultType);
  }

  @Override
  protected boolean validElements(Type from, Type to) {
    return (from.isIndex() && to.isInteger()) || (from.isInteger() && to.isIndex());
  }

  @Override
  protected String expectation() {
    return "index to integer or integer to index";
  }

  @Override
  public List<Attribute> fold(Operation op, List<Attribute> c) {
    return ConstantFolder.ints(op, c, x -> x[0]);
  }
}
