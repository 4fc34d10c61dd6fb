import { TfDataType, type SummaryValue, type Tensor } from './event-proto';

const BYTES_PER_ELEMENT: Record<number, number> = {
  [TfDataType.float]: 4,
  [TfDataType.double]: 8,
  [TfDataType.int32]: 4,
  [TfDataType.int64]: 8,
};

/** Elements in the tensor: 1 for shape `[]` (a scalar) and for `[1]`, `[1, 1]`…; null if unknown. */
function countElements(tensor: Tensor): number | null {
  if (tensor.tensorShape?.unknownRank) return null;
  return (tensor.tensorShape?.dim ?? []).reduce<number>((count, dim) => count * Number(dim.size ?? 0), 1);
}

function readContent(content: Uint8Array, dtype: number): number | null {
  if (content.byteLength !== BYTES_PER_ELEMENT[dtype]) return null;
  const view = new DataView(content.buffer, content.byteOffset, content.byteLength);
  if (dtype === TfDataType.float) return view.getFloat32(0, true);
  if (dtype === TfDataType.double) return view.getFloat64(0, true);
  if (dtype === TfDataType.int32) return view.getInt32(0, true);
  return Number(view.getBigInt64(0, true));
}

function readTypedValues(tensor: Tensor, dtype: number): number | null {
  const values =
    dtype === TfDataType.float ? tensor.floatVal
    : dtype === TfDataType.double ? tensor.doubleVal
    : dtype === TfDataType.int32 ? tensor.intVal
    : tensor.int64Val?.map(Number);
  // TensorFlow lets one element stand for a whole tensor; a one-element tensor needs exactly one.
  return values?.length === 1 ? values[0]! : null;
}

/**
 * The number a summary value holds when it is a scalar: `simple_value` (PyTorch, TF1, CatBoost) or
 * a one-element float/double/int32/int64 tensor (TF2 `tf.summary.scalar`, Keras), read from the
 * little-endian `tensor_content` or else the typed `*_val` list. Null for everything else (text,
 * histograms, images, multi-element tensors), which the caller counts as skipped, not as an error.
 */
export function readScalarValue(value: SummaryValue): number | null {
  if (value.value === 'simpleValue') return value.simpleValue ?? 0;
  if (value.value !== 'tensor' || !value.tensor) return null;
  const tensor = value.tensor;
  const dtype = tensor.dtype ?? 0;
  if (!(dtype in BYTES_PER_ELEMENT) || countElements(tensor) !== 1) return null;
  if (tensor.tensorContent && tensor.tensorContent.byteLength > 0) return readContent(tensor.tensorContent, dtype);
  return readTypedValues(tensor, dtype);
}
