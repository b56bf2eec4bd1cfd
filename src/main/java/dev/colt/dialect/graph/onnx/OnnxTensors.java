// Converts ONNX TensorProto messages to and from element arrays with a COLT tensor type.
package dev.colt.dialect.graph.onnx;

import com.google.protobuf.ByteString;
import dev.colt.ir.FloatType;
import dev.colt.ir.IntegerType;
import dev.colt.ir.TensorType;
import dev.colt.ir.Type;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import onnx.Onnx;

/**
 * Decoding and encoding of ONNX tensors. Supported element types: FLOAT (f32), DOUBLE (f64),
 * INT64 (i64) and INT32 (i32); values are held as doubles (exact for f32, i32 and integers up to
 * 2^53). Data may be in the typed fields or in {@code raw_data} (little-endian).
 */
public final class OnnxTensors {
  private OnnxTensors() {}

  /** A decoded tensor: its type and row-major elements. */
  public record Data(TensorType type, double[] values) {
    public Data {
      values = values.clone();
    }

    @Override
    public double[] values() {
      return values.clone();
    }

    /** Element {@code i} as a long (for shape and axes tensors). */
    public long longAt(int i) {
      return (long) values[i];
    }

    /** All elements as longs. */
    public List<Long> longs() {
      List<Long> out = new ArrayList<>(values.length);
      for (double v : values) {
        out.add((long) v);
      }
      return out;
    }
  }

  /** The ONNX name of a TensorProto data type number, for messages. */
  public static String dataTypeName(int dataType) {
    Onnx.TensorProto.DataType dt = Onnx.TensorProto.DataType.forNumber(dataType);
    return dt == null ? "data type " + dataType : dt.name();
  }

  /** The COLT element type of an ONNX data type; fails with {@link OnnxException} otherwise. */
  public static Type elementType(int dataType) {
    return switch (dataType) {
      case Onnx.TensorProto.DataType.FLOAT_VALUE -> FloatType.F32;
      case Onnx.TensorProto.DataType.DOUBLE_VALUE -> FloatType.F64;
      case Onnx.TensorProto.DataType.INT64_VALUE -> IntegerType.I64;
      case Onnx.TensorProto.DataType.INT32_VALUE -> IntegerType.I32;
      default -> throw new OnnxException("unsupported element type " + dataTypeName(dataType)
          + " (supported: FLOAT, DOUBLE, INT64, INT32)");
    };
  }

  /** The ONNX data type number for a COLT element type. */
  public static int dataType(Type elementType) {
    if (elementType.equals(FloatType.F32)) {
      return Onnx.TensorProto.DataType.FLOAT_VALUE;
    } else if (elementType.equals(FloatType.F64)) {
      return Onnx.TensorProto.DataType.DOUBLE_VALUE;
    } else if (elementType.equals(IntegerType.I64)) {
      return Onnx.TensorProto.DataType.INT64_VALUE;
    } else if (elementType.equals(IntegerType.I32)) {
      return Onnx.TensorProto.DataType.INT32_VALUE;
    }
    throw new IllegalArgumentException("no ONNX data type for " + elementType);
  }

  /**
   * Decodes {@code t}. Fails with {@link OnnxException} on an unsupported element type, external
   * data, or an element count that does not match the dims.
   */
  public static Data decode(Onnx.TensorProto t) {
    String what = t.getName().isEmpty() ? "tensor" : "tensor '" + t.getName() + "'";
    if (t.getDataLocation() == Onnx.TensorProto.DataLocation.EXTERNAL
        || t.getExternalDataCount() > 0) {
      throw new OnnxException(what + " keeps its data in an external file, which is not supported");
    }
    Type elem;
    try {
      elem = elementType(t.getDataType());
    } catch (OnnxException e) {
      throw new OnnxException(what + ": " + e.getMessage());
    }
    List<Long> dims = t.getDimsList();
    for (long d : dims) {
      if (d < 0) {
        throw new OnnxException(what + " has a negative dimension " + d);
      }
    }
    TensorType type = new TensorType(dims, elem);
    long n = type.numElements();
    if (n > Integer.MAX_VALUE) {
      throw new OnnxException(what + " has too many elements (" + n + ")");
    }
    double[] values = new double[(int) n];
    int count;
    if (t.hasRawData()) {
      ByteBuffer buf = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
      int width = switch (t.getDataType()) {
        case Onnx.TensorProto.DataType.FLOAT_VALUE, Onnx.TensorProto.DataType.INT32_VALUE -> 4;
        default -> 8;
      };
      count = buf.remaining() / width;
      if (buf.remaining() % width != 0 || count != n) {
        throw new OnnxException(what + ": raw data holds " + buf.remaining() + " bytes, expected "
            + n * width + " for " + type);
      }
      for (int i = 0; i < n; i++) {
        values[i] = switch (t.getDataType()) {
          case Onnx.TensorProto.DataType.FLOAT_VALUE -> buf.getFloat();
          case Onnx.TensorProto.DataType.DOUBLE_VALUE -> buf.getDouble();
          case Onnx.TensorProto.DataType.INT32_VALUE -> buf.getInt();
          default -> buf.getLong();
        };
      }
    } else {
      count = switch (t.getDataType()) {
        case Onnx.TensorProto.DataType.FLOAT_VALUE -> t.getFloatDataCount();
        case Onnx.TensorProto.DataType.DOUBLE_VALUE -> t.getDoubleDataCount();
        case Onnx.TensorProto.DataType.INT32_VALUE -> t.getInt32DataCount();
        default -> t.getInt64DataCount();
      };
      if (count != n) {
        throw new OnnxException(what + " holds " + count + " elements, expected " + n + " for "
            + type);
      }
      for (int i = 0; i < n; i++) {
        values[i] = switch (t.getDataType()) {
          case Onnx.TensorProto.DataType.FLOAT_VALUE -> t.getFloatData(i);
          case Onnx.TensorProto.DataType.DOUBLE_VALUE -> t.getDoubleData(i);
          case Onnx.TensorProto.DataType.INT32_VALUE -> t.getInt32Data(i);
          default -> t.getInt64Data(i);
        };
      }
    }
    return new Data(type, values);
  }

  /** Encodes {@code values} of {@code type} as a TensorProto with raw little-endian data. */
  public static Onnx.TensorProto encode(String name, TensorType type, double[] values) {
    int dataType = dataType(type.elementType());
    int width = dataType == Onnx.TensorProto.DataType.FLOAT_VALUE
        || dataType == Onnx.TensorProto.DataType.INT32_VALUE ? 4 : 8;
    ByteBuffer buf = ByteBuffer.allocate(values.length * width).order(ByteOrder.LITTLE_ENDIAN);
    for (double v : values) {
      switch (dataType) {
        case Onnx.TensorProto.DataType.FLOAT_VALUE -> buf.putFloat((float) v);
        case Onnx.TensorProto.DataType.DOUBLE_VALUE -> buf.putDouble(v);
        case Onnx.TensorProto.DataType.INT32_VALUE -> buf.putInt((int) v);
        default -> buf.putLong((long) v);
      }
    }
    buf.flip();
    return Onnx.TensorProto.newBuilder().setName(name).addAllDims(type.shape())
        .setDataType(dataType).setRawData(ByteString.copyFrom(buf)).build();
  }
}
