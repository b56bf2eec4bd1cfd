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
    %cst = arith.constant 1.000000e+00 : f32
    %cst_0 = arith.constant 1.000000e-01 : f64
    %cst_1 = arith.constant -2.500000e+00 : f16
    %cst_2 = arith.constant 0x7FC00000 : f32
    %cst_3 = arith.constant 0xFF800000 : f32
    %cst_4 = arith.constant -0.000000e+00 : f32
    %8 = arith.cmpf oge, %7, %cst : f32
    %9 = arith.cmpf uno, %arg2, %cst_0 : f64
    %10 = arith.cmpf false, %arg3, %cst_1 : f16
    %11 = arith.select %8, %7, %cst_2 : f32
    %12 = arith.extf %arg3 : f16 to f32
    %13 = arith.truncf %arg2 : f64 to f32
    %14 = arith.addf %11, %12 : f32
    %15 = arith.addf %14, %13 : f32
    %16 = arith.addf %15, %cst_3 : f32
    %17 = arith.addf %16, %cst_4 : f32
    return %17 : f32
  }
  func.func @arith_int(%arg0: index, %arg1: index, %arg2: i32, %arg3: i32, %arg4: i64) -> i32 {
    %c0 = arith.constant 0 : index
    %c7_i32 = arith.constant 7 : i32
    %c-9223372036854775808_i64 = arith.constant -9223372036854775808 : i64
    %true = arith.constant true
    %false = arith.constant false
    %c-128_i8 = arith.constant -128 : i8
    %0 = arith.addi %arg0, %arg1 : index
    %1 = arith.subi %0, %c0 : index
    %2 = arith.muli %1, %arg1 : index
    %3 = arith.divsi %2, %arg1 : index
    %4 = arith.remsi %3, %arg1 : index
    %5 = arith.floordivsi %4, %arg0 : index
    %6 = arith.ceildivsi %5, %arg0 : index
    %7 = arith.minsi %6, %arg0 : index
    %8 = arith.maxsi %7, %arg1 : index
    %9 = arith.andi %arg2, %arg3 : i32
    %10 = arith.ori %9, %c7_i32 : i32
    %11 = arith.xori %10, %arg3 : i32
    %12 = arith.cmpi slt, %8, %c0 : index
    %13 = arith.cmpi uge, %arg2, %arg3 : i32
    %14 = arith.andi %12, %13 : i1
    %15 = arith.xori %14, %true : i1
    %16 = arith.ori %15, %false : i1
    %17 = arith.index_cast %8 : index to i32
    %18 = arith.index_cast %arg2 : i32 to index
    %19 = arith.sitofp %arg2 : i32 to f32
    %20 = arith.uitofp %arg4 : i64 to f64
    %21 = arith.fptosi %19 : f32 to i64
    %22 = arith.extsi %c-128_i8 : i8 to i32
    %23 = arith.trunci %arg4 : i64 to i32
    %24 = arith.addi %21, %c-9223372036854775808_i64 : i64
    %25 = arith.select %16, %17, %22 : i32
    %26 = arith.addi %25, %23 : i32
    %27 = arith.addi %26, %11 : i32
    return %27 : i32
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
    %cst = arith.constant dense<0.000000e+00> : vector<16xf32>
    %cst_0 = arith.constant dense<[1, -2, 3, 4, 5, 6, 7, 8]> : vector<8xi32>
    %cst_1 = arith.constant dense<[[1.000000e+00, 2.000000e+00], [3.000000e+00, 4.500000e+00]]> : vector<2x2xf32>
    %0 = vector.load %arg0[%arg2, %arg3] : memref<4x8xf32>, vector<8xf32>
    vector.store %0, %arg0[%arg2, %arg3] : memref<4x8xf32>, vector<8xf32>
    %1 = vector.transfer_read %arg1[%arg2, %arg3], %arg4 {in_bounds = [true]} : memref<?x?xf32>, vector<8xf32>
    %2 = vector.transfer_read %arg1[%arg2, %arg3], %arg4 : memref<?x?xf32>, vector<8xf32>
    %3 = vector.transfer_read %arg1[%arg2, %arg3], %arg4, %arg6 {permutation_map = #map} : memref<?x?xf32>, vector<4x8xf32>
    %4 = vector.transfer_read %arg1[%arg2, %arg3], %arg4 {in_bounds = [true, false], permutation_map = #map1} : memref<?x?xf32>, vector<2x8xf32>
    vector.transfer_write %1, %arg1[%arg2, %arg3] {in_bounds = [true]} : vector<8xf32>, memref<?x?xf32>
    vector.transfer_write %2, %arg1[%arg2, %arg3] : vector<8xf32>, memref<?x?xf32>
    vector.transfer_write %3, %arg1[%arg2, %arg3], %arg6 {permutation_map = #map} : vector<4x8xf32>, memref<?x?xf32>
    %5 = vector.broadcast %arg4 : f32 to vector<8xf32>
    %6 = vector.broadcast %arg5 : vector<8xf32> to vector<2x8xf32>
    %7 = vector.fma %0, %5, %1 : vector<8xf32>
    %8 = vector.reduction <add>, %7 : vector<8xf32> into f32
    %9 = vector.reduction <maximumf>, %2, %8 : vector<8xf32> into f32
    %10 = vector.reduction <mul>, %arg5 : vector<8xf32> into f32
    %11 = vector.reduction <minimumf>, %arg5, %10 : vector<8xf32> into f32
    %12 = vector.reduction <add>, %arg8 : vector<8xi32> into i32
    %13 = vector.extract %7[3] : f32 from vector<8xf32>
    %14 = vector.extract %arg7[1] : vector<8xf32> from vector<2x8xf32>
    %15 = vector.extract %6[1, 7] : f32 from vector<2x8xf32>
    %16 = vector.insert %arg4, %arg5 [3] : f32 into vector<8xf32>
    %17 = vector.insert %16, %arg7 [0] : vector<8xf32> into vector<2x8xf32>
    %18 = arith.addf %4, %17 : vector<2x8xf32>
    %19 = arith.cmpf olt, %14, %arg5 : vector<8xf32>
    %20 = arith.select %19, %14, %arg5 : vector<8xi1>, vector<8xf32>
    %21 = arith.cmpi sgt, %arg8, %cst_0 : vector<8xi32>
    %22 = arith.sitofp %arg8 : vector<8xi32> to vector<8xf32>
    %23 = arith.addf %9, %11 : f32
    %24 = arith.addf %23, %13 : f32
    %25 = arith.addf %24, %15 : f32
    return %25 : f32
  }
}
