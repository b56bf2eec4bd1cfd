// Integer arithmetic (odd divisors, never zero) with signed division, remainders, compares, select and casts on i32 and index.
func.func @ints(%a: memref<64xi32>, %b: memref<64xi32>, %out: memref<6x64xi32>, %f: memref<64xf32>, %k: i32) {
  %one = arith.constant 1 : i32
  %two = arith.constant 2 : i32
  affine.for %i = 0 to 64 {
    %x0 = affine.load %a[%i] : memref<64xi32>
    %x = arith.addi %x0, %k : i32
    %y0 = affine.load %b[%i] : memref<64xi32>
    %y2 = arith.muli %y0, %two : i32
    %y = arith.ori %y2, %one : i32
    %d = arith.divsi %x, %y : i32
    %r = arith.remsi %x, %y : i32
    %fd = arith.floordivsi %x, %y : i32
    %cd = arith.ceildivsi %x, %y : i32
    %lt = arith.cmpi slt, %x, %y : i32
    %sel = arith.select %lt, %x, %y : i32
    %big = arith.muli %x, %y : i32
    %ult = arith.cmpi ult, %x, %y : i32
    %zero = arith.constant 0 : i32
    %u = arith.select %ult, %one, %zero : i32
    %mx = arith.maxsi %big, %u : i32
    %sh = arith.muli %x, %two : i32
    affine.store %d, %out[0, %i] : memref<6x64xi32>
    affine.store %r, %out[1, %i] : memref<6x64xi32>
    affine.store %fd, %out[2, %i] : memref<6x64xi32>
    affine.store %cd, %out[3, %i] : memref<6x64xi32>
    affine.store %sel, %out[4, %i] : memref<6x64xi32>
    affine.store %mx, %out[5, %i] : memref<6x64xi32>
    %ix = arith.index_cast %sh : i32 to index
    %ii = arith.addi %ix, %i : index
    %back = arith.index_cast %ii : index to i32
    %fl = arith.sitofp %back : i32 to f32
    affine.store %fl, %f[%i] : memref<64xf32>
  }
  return
}
