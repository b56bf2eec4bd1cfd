#map = affine_map<(d0, d1) -> (d1, d0)>
#map1 = affine_map<(d0, d1) -> (0, d1)>
module {
  func.func @arith_float(%arg0: f32, %arg1: f32, %arg2: f64, %arg3: f16) -> f32 {
    %0 = arith.addf %arg0, %arg1 : f32
    %1 = arith.subf %0, %arg1 : f32
    %2 = arith.mulf %1, %arg0 : f32
    %3 = arith.divf %2, %arg1 : f32
    %4 = arith.remf %3, %arg0 : f32
    %5 = arith.negf %4 : f32
    %6 = arith.maximumf %5, %arg0 : f32
    %7 = arith.minimumf %6, %arg1 : f32
    %8 = arith.constant 1.000000e+00 : f32
    %9 = arith.constant 1.000000e-01 : f64
    %10 = arith.constant -2.500000e+00 : f16
    %11 = arith.constant 0x7FC00000 : f32
    %12 = arith.constant 0xFF800000 : f32
    %13 = arith.constant -0.000000e+00 : f32
    %14 = arith.cmpf oge, %7, %8 : f32
    %15 = arith.cmpf uno, %arg2, %9 : f64
    %16 = arith.cmpf false, %arg3, %10 : f16
    %17 = arith.select %14, %7, %11 : f32
    %18 = arith.extf %arg3 : f16 to f32
    %19 = arith.truncf %arg2 : f64 to f32
    %20 = arith.addf %17, %18 : f32
    %21 = arith.addf %20, %19 : f32
    %22 = arith.addf %21, %12 : f32
    %23 = arith.addf %22, %13 : f32
    return %23 : f32
  }
  func.func @arith_int(%arg0: index, %arg1: index, %arg2: i32, %arg3: i32, %arg4: i64) -> i32 {
    %0 = arith.constant 0 : index
    %1 = arith.constant 7 : i32
    %2 = arith.constant -9223372036854775808 : i64
    %3 = arith.constant true
    %4 = arith.constant false
    %5 = arith.constant -128 : i8
    %6 = arith.addi %arg0, %arg1 : index
    %7 = arith.subi %6, %0 : index
    %8 = arith.muli %7, %arg1 : index
    %9 = arith.divsi %8, %arg1 : index
    %10 = arith.remsi %9, %arg1 : index
    %11 = arith.floordivsi %10, %arg0 : index
    %12 = arith.ceildivsi %11, %arg0 : index
    %13 = arith.minsi %12, %arg0 : index
    %14 = arith.maxsi %13, %arg1 : index
    %15 = arith.andi %arg2, %arg3 : i32
    %16 = arith.ori %15, %1 : i32
    %17 = arith.xori %16, %arg3 : i32
    %18 = arith.cmpi slt, %14, %0 : index
    %19 = arith.cmpi uge, %arg2, %arg3 : i32
    %20 = arith.andi %18, %19 : i1
    %21 = arith.xori %20, %3 : i1
    %22 = arith.ori %21, %4 : i1
    %23 = arith.index_cast %14 : index to i32
    %24 = arith.index_cast %arg2 : i32 to index
    %25 = arith.sitofp %arg2 : i32 to f32
    %26 = arith.uitofp %arg4 : i64 to f64
    %27 = arith.fptosi %25 : f32 to i64
    %28 = arith.extsi %5 : i8 to i32
    %29 = arith.trunci %arg4 : i64 to i32
    %30 = arith.addi %27, %2 : i64
    %31 = arith.select %22, %23, %28 : i32
    %32 = arith.addi %31, %29 : i32
    %33 = arith.addi %32, %17 : i32
    return %33 : i32
  }
  func.func @math(%arg0: f32, %arg1: f32, %arg2: vector<8xf32>) -> f32 {
    %0 = math.exp %arg0 : f32
    %1 = math.log %0 : f32
    %2 = math.sqrt %1 : f32
    %3 = math.rsqrt %2 : f32
    %4 = math.tanh %3 : f32
    %5 = math.erf %4 : f32
    %6 = math.absf %5 : f32
    %7 = math.fma %6, %arg0, %arg1 : f32
    %8 = math.powf %7, %arg1 : f32
    %9 = math.exp %arg2 : vector<8xf32>
    %10 = math.fma %9, %arg2, %arg2 : vector<8xf32>
    return %8 : f32
  }
  func.func @vector(%arg0: memref<4x8xf32>, %arg1: memref<?x?xf32>, %arg2: index, %arg3: index, %arg4: f32, %arg5: vector<8xf32>, %arg6: vector<8x4xi1>, %arg7: vector<2x8xf32>, %arg8: vector<8xi32>) -> f32 {
    %0 = arith.constant dense<0.000000e+00> : vector<16xf32>
    %1 = arith.constant dense<[1, -2, 3, 4, 5, 6, 7, 8]> : vector<8xi32>
    %2 = arith.constant dense<[[1.000000e+00, 2.000000e+00], [3.000000e+00, 4.500000e+00]]> : vector<2x2xf32>
    %3 = vector.load %arg0[%arg2, %arg3] : memref<4x8xf32>, vector<8xf32>
    vector.store %3, %arg0[%arg2, %arg3] : memref<4x8xf32>, vector<8xf32>
    %4 = vector.transfer_read %arg1[%arg2, %arg3], %arg4 {in_bounds = [true]} : memref<?x?xf32>, vector<8xf32>
    %5 = vector.transfer_read %arg1[%arg2, %arg3], %arg4 : memref<?x?xf32>, vector<8xf32>
    %6 = vector.transfer_read %arg1[%arg2, %arg3], %arg4, %arg6 {permutation_map = #map} : memref<?x?xf32>, vector<4x8xf32>
    %7 = vector.transfer_read %arg1[%arg2, %arg3], %arg4 {in_bounds = [true, false], permutation_map = #map1} : memref<?x?xf32>, vector<2x8xf32>
    vector.transfer_write %4, %arg1[%arg2, %arg3] {in_bounds = [true]} : vector<8xf32>, memref<?x?xf32>
    vector.transfer_write %5, %arg1[%arg2, %arg3] : vector<8xf32>, memref<?x?xf32>
    vector.transfer_write %6, %arg1[%arg2, %arg3], %arg6 {permutation_map = #map} : vector<4x8xf32>, memref<?x?xf32>
    %8 = vector.broadcast %arg4 : f32 to vector<8xf32>
    %9 = vector.broadcast %arg5 : vector<8xf32> to vector<2x8xf32>
    %10 = vector.fma %3, %8, %4 : vector<8xf32>
    %11 = vector.reduction <add>, %10 : vector<8xf32> into f32
    %12 = vector.reduction <maximumf>, %5, %11 : vector<8xf32> into f32
    %13 = vector.reduction <mul>, %arg5 : vector<8xf32> into f32
    %14 = vector.reduction <minimumf>, %arg5, %13 : vector<8xf32> into f32
    %15 = vector.reduction <add>, %arg8 : vector<8xi32> into i32
    %16 = vector.extract %10[3] : f32 from vector<8xf32>
    %17 = vector.extract %arg7[1] : vector<8xf32> from vector<2x8xf32>
    %18 = vector.extract %9[1, 7] : f32 from vector<2x8xf32>
    %19 = vector.insert %arg4, %arg5 [3] : f32 into vector<8xf32>
    %20 = vector.insert %19, %arg7 [0] : vector<8xf32> into vector<2x8xf32>
    %21 = arith.addf %7, %20 : vector<2x8xf32>
    %22 = arith.cmpf olt, %17, %arg5 : vector<8xf32>
    %23 = arith.select %22, %17, %arg5 : vector<8xi1>, vector<8xf32>
    %24 = arith.cmpi sgt, %arg8, %1 : vector<8xi32>
    %25 = arith.sitofp %arg8 : vector<8xi32> to vector<8xf32>
    %26 = arith.addf %12, %14 : f32
    %27 = arith.addf %26, %16 : f32
    %28 = arith.addf %27, %18 : f32
    return %28 : f32
  }
}
