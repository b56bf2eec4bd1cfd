// Loop unrolling by a factor (with a remainder loop) or fully, for loops with a constant trip count.
package dev.colt.transform;

import dev.colt.analysis.AffineOps;
import dev.colt.analysis.DependenceAnalysis;
import dev.colt.analysis.LoopBounds;
import dev.colt.analysis.LoopForest;
import dev.colt.analysis.LoopHandles;
import dev.colt.ir.AffineMap;
import dev.colt.ir.Attribute;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Unrolls {@code loop} by {@code factor} ({@link #FULL} unrolls completely). The main loop keeps
 * the name and steps by factor times the step, its body holding factor copies (iter args chained
 * through them); the remaining {@code trip % factor} iterations run in a loop named
 * {@code <name>.rem}. Loops nested in copy u get the suffix {@code .u<u>}. Always legal (the
 * iteration order is unchanged); needs a constant trip count of at least the factor, and full
 * unrolling at most {@value #MAX_FULL} iterations.
 */
public record Unroll(String loop, long factor) implements LoopTransform {
  public static final long FULL = 0;
  public static final long MAX_FULL = 64;

  @Override
  public Optional<Refusal> check(Operation func) {
    // The shared analysis of the function: a menu checks several factors of every loop.
    DependenceAnalysis da = DependenceAnalysis.of(LoopHandles.assign(func));
    Targets.Found<LoopForest.Loop> f = Targets.loop(da.forest(), loop);
    if (!f.ok()) {
      return Optional.of(f.refusal());
    }
    if (factor != FULL && factor < 2) {
      return Optional.of(new Refusal.BadParameter("unroll",
          "the factor must be at least 2 (or full), got " + factor));
    }
    OptionalLong trip = da.bounds().constantTripCount(f.value().op());
    if (trip.isEmpty()) {
      return Optional.of(new Refusal.UnsupportedShape(loop,
          "unrolling needs a constant trip count"));
    }
    long t = trip.getAsLong();
    if (factor == FULL && (t > MAX_FULL || t < 1)) {
      return Optional.of(new Refusal.BadParameter("unroll",
          "full unrolling needs 1.." + MAX_FULL + " iterations, the loop has " + t));
    }
    if (factor != FULL && factor > t) {
      return Optional.of(new Refusal.BadParameter("unroll",
          "factor " + factor + " exceeds the trip count " + t));
    }
    return Optional.empty();
  }

  @Override
  public Operation rewrite(Operation func) {
    LoopForest forest = LoopForest.of(func);
    Operation l = Targets.loop(forest, loop).value().op();
    long trip = new LoopBounds(forest).constantTripCount(l).getAsLong();
    long f = factor == FULL ? trip : factor;
    Set<String> taken = LoopHandles.names(func);
    if (f == trip) {
      return fullyUnrolled(func, l, trip, taken);
    }
    return IrRewrite.replace(func, l, unrolled(l, trip, f, taken));
  }

  private static Operation fullyUnrolled(Operation func, Operation l, long trip,
      Set<String> taken) {
    AffineMap lb = AffineOps.lowerMap(l);
    long step = AffineOps.step(l);
    List<Operation> ops = new ArrayList<>();
    List<Value> carried = AffineOps.iterInits(l);
    for (long u = 0; u < trip; u++) {
      Operation iv = BodyCloner.shifted(lb, AffineOps.lowerOperands(l), u * step);
      ops.add(iv);
      BodyCloner.Copy c = BodyCloner.clone(l, iv.result(), carried,
          u == 0 ? null : ".u" + u, taken);
      ops.addAll(c.ops());
      carried = c.yielded();
    }
    Map<Value, Value> repl = new IdentityHashMap<>();
    for (int i = 0; i < l.results().size(); i++) {
      repl.put(l.result(i), carried.get(i));
    }
    return IrRewrite.replaceUses(IrRewrite.replace(func, l, ops), repl);
  }

  /** The main loop (and the remainder loop when trip % f != 0) replacing {@code l}. */
  static List<Operation> unrolled(Operation l, long trip, long f, Set<String> taken) {
    long step = AffineOps.step(l);
    long mainTrip = trip / f;
    long rem = trip % f;
    AffineMap lb = AffineOps.lowerMap(l);
    List<Value> lbOps = AffineOps.lowerOperands(l);
    AffineMap split = new AffineMap(lb.numDims(), lb.numSymbols(),
        List.of(lb.result(0).plus(mainTrip * f * step)));
    List<Value> mainResults = rem == 0 ? l.results()
        : l.results().stream().map(v -> new Value(v.type())).toList();
    Map<String, Attribute> attrs = new java.util.TreeMap<>(l.attributes());
    Operation main = AffineOps.buildFor(lb, lbOps, split, lbOps, step * f,
        AffineOps.iterInits(l), mainResults, attrs, args -> {
          List<Operation> body = new ArrayList<>();
          List<Value> carried = args.subList(1, args.size());
          for (long u = 0; u < f; u++) {
            Value iv = args.get(0);
            if (u > 0) {
              Operation off = BodyCloner.offset(args.get(0), u * step);
              body.add(off);
              iv = off.result();
            }
            BodyCloner.Copy c = BodyCloner.clone(l, iv, carried, u == 0 ? null : ".u" + u,
                taken);
            body.addAll(c.ops());
            carried = c.yielded();
          }
          body.add(AffineOps.yield(carried));
          return body;
        });
    if (rem == 0) {
      return List.of(main);
    }
    return List.of(main, remainder(l, split, lbOps, main.results(), taken));
  }

  /** A copy of {@code l} running from {@code start(lbOps)} to its upper bound, named .rem. */
  static Operation remainder(Operation l, AffineMap start, List<Value> startOps,
      List<Value> inits, Set<String> taken) {
    Map<String, Attribute> attrs = new java.util.TreeMap<>(l.attributes());
    String name = LoopHandles.fresh(LoopHandles.nameOf(l) + ".rem", taken);
    taken.add(name);
    attrs.put(LoopHandles.ATTR, new Attribute.StringAttr(name));
    return AffineOps.buildFor(start, startOps, AffineOps.upperMap(l), AffineOps.upperOperands(l),
        AffineOps.step(l), inits, l.results(), attrs, args -> {
          BodyCloner.Copy c = BodyCloner.clone(l, args.get(0), args.subList(1, args.size()),
              ".rem", taken);
          List<Operation> body = new ArrayList<>(c.ops());
          body.add(AffineOps.yield(c.yielded()));
          return body;
        });
  }
}
