// Scalar replacement: keeps a value loaded and stored at a loop-invariant address in an iter_arg across the loop.
package dev.colt.transform;

import dev.colt.analysis.Access;
import dev.colt.analysis.AffineOps;
import dev.colt.analysis.Dependence;
import dev.colt.analysis.DependenceAnalysis;
import dev.colt.analysis.Direction;
import dev.colt.analysis.DirectionVector;
import dev.colt.analysis.LoopForest;
import dev.colt.analysis.LoopHandles;
import dev.colt.ir.Block;
import dev.colt.ir.Operation;
import dev.colt.ir.Region;
import dev.colt.ir.Value;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * For each pair of a load and a later store (scalar or vector, directly in the body of
 * {@code loop}) to the same address computed only from values defined outside the loop, and
 * touched by no other access in the same execution of the loop: loads once before the loop,
 * carries the value in a new iter_arg (the load's uses read the iter arg, the store's value is
 * yielded) and stores the final value after the loop. This keeps reduction accumulators (such as
 * matmul's C element over k) in registers. Refused when no such pair exists.
 */
public record ScalarReplace(String loop) implements LoopTransform {

  /** A load/store pair to promote. */
  private record Candidate(Operation load, Operation store) {}

  @Override
  public Optional<Refusal> check(Operation func) {
    DependenceAnalysis da = DependenceAnalysis.of(LoopHandles.assign(func));
    Targets.Found<LoopForest.Loop> f = Targets.loop(da.forest(), loop);
    if (!f.ok()) {
      return Optional.of(f.refusal());
    }
    Refusal eff = Targets.unknownEffects(da, f.value());
    if (eff != null) {
      return Optional.of(eff);
    }
    if (candidates(da, f.value()).isEmpty()) {
      return Optional.of(new Refusal.NothingToDo("scalar replacement", "loop '" + loop
          + "' has no load and store of one loop-invariant address that nothing else touches"));
    }
    return Optional.empty();
  }

  private static List<Candidate> candidates(DependenceAnalysis da, LoopForest.Loop l) {
    LoopForest forest = da.forest();
    Operation op = l.op();
    Map<Operation, Access> byOp = new IdentityHashMap<>();
    for (Access a : da.accesses()) {
      byOp.put(a.op(), a);
    }
    List<Operation> body = AffineOps.bodyOps(op);
    List<Candidate> out = new ArrayList<>();
    for (int i = 0; i < body.size(); i++) {
      Operation load = body.get(i);
      if (!load.is(AffineOps.LOAD) && !load.is(AffineOps.VECTOR_LOAD)) {
        continue;
      }
      if (!AffineOps.accessIndices(load).stream().allMatch(v -> forest.isDefinedOutside(v, op))) {
        continue;
      }
      Access la = byOp.get(load);
      Operation store = null;
      for (int j = i + 1; j < body.size(); j++) {
        Operation s = body.get(j);
        Access sa = byOp.get(s);
        if (sa != null && sa.write() && sa.memref() == la.memref()
            && sa.subscripts().equals(la.subscripts()) && sa.width() == la.width()
            && AffineOps.accessMap(s).equals(AffineOps.accessMap(load))
            && AffineOps.accessIndices(s).equals(AffineOps.accessIndices(load))) {
          store = s;
          break;
        }
      }
      if (store == null || !la.isExact()) {
        continue;
      }
      if (touchedByOthers(da, l, load, store)) {
        continue;
      }
      out.add(new Candidate(load, store));
    }
    return out;
  }

  /** True when another access in the same execution of {@code l} may touch the pair's address. */
  private static boolean touchedByOthers(DependenceAnalysis da, LoopForest.Loop l,
      Operation load, Operation store) {
    for (Dependence d : da.within(l)) {
      Operation s = d.source().op();
      Operation t = d.sink().op();
      boolean involves = s == load || s == store || t == load || t == store;
      boolean internal = (s == load || s == store) && (t == load || t == store);
      if (!involves || internal) {
        continue;
      }
      int level = d.levelOf(l);
      for (DirectionVector v : d.vectors()) {
        boolean sameOuter = true;
        for (int k = 0; k < level; k++) {
          sameOuter &= v.get(k).admits(Direction.EQ);
        }
        if (sameOuter) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public Operation rewrite(Operation func) {
    DependenceAnalysis da = DependenceAnalysis.of(func);
    LoopForest.Loop l = Targets.loop(da.forest(), loop).value();
    Operation op = l.op();
    List<Candidate> cands = candidates(da, l);
    List<Operation> before = new ArrayList<>();
    List<Value> inits = new ArrayList<>(AffineOps.iterInits(op));
    List<Value> args = new ArrayList<>(op.body().arguments());
    Map<Value, Value> loadToArg = new IdentityHashMap<>();
    List<Value> extraYields = new ArrayList<>();
    List<Value> results = new ArrayList<>(op.results());
    List<Operation> after = new ArrayList<>();
    java.util.Set<Operation> removed = java.util.Collections.newSetFromMap(
        new IdentityHashMap<>());
    for (Candidate c : cands) {
      Operation pre = Operation.create(c.load().name(), c.load().operands(),
          List.of(c.load().result().type()), c.load().attributes());
      before.add(pre);
      inits.add(pre.result());
      Value arg = new Value(c.load().result().type());
      args.add(arg);
      loadToArg.put(c.load().result(), arg);
      extraYields.add(AffineOps.storedValue(c.store()));
      Value res = new Value(c.load().result().type());
      results.add(res);
      List<Value> storeOperands = new ArrayList<>(c.store().operands());
      storeOperands.set(0, res);
      after.add(c.store().withOperands(storeOperands));
      removed.add(c.load());
      removed.add(c.store());
    }
    List<Operation> newBody = new ArrayList<>();
    for (Operation b : AffineOps.bodyOps(op)) {
      if (!removed.contains(b)) {
        newBody.add(IrRewrite.replaceUses(b, loadToArg));
      }
    }
    List<Value> yields = new ArrayList<>(AffineOps.yielded(op));
    yields.addAll(extraYields);
    yields.replaceAll(v -> loadToArg.getOrDefault(v, v));
    newBody.add(AffineOps.yield(yields));
    List<Value> operands = new ArrayList<>(op.operands());
    operands.addAll(inits.subList(AffineOps.iterInits(op).size(), inits.size()));
    java.util.TreeMap<String, dev.colt.ir.Attribute> attrs = new java.util.TreeMap<>(
        op.attributes());
    attrs.put("operandSegmentSizes", dev.colt.ir.Attribute.DenseArrayAttr.i32(
        AffineOps.lowerOperands(op).size(), AffineOps.upperOperands(op).size(), inits.size()));
    Operation newLoop = new Operation(AffineOps.FOR, operands, results, attrs,
        List.of(Region.of(new Block(args, newBody))), op.location());
    List<Operation> replacement = new ArrayList<>(before);
    replacement.add(newLoop);
    replacement.addAll(after);
    return IrRewrite.replace(func, op, replacement);
  }
}
