import { describe, expect, it } from 'vitest';
import { decodeEvent, TfDataType, type TfEvent } from './event-proto';
import { readScalarValue } from './summary-scalar';
import { encodeEvent, type TensorSpec } from './tfevents-test-helpers';

function decode(bytes: Uint8Array): TfEvent {
  const decoded = decodeEvent(bytes);
  if ('error' in decoded) throw new Error(decoded.error);
  return decoded.event;
}

function scalarOf(tensor: TensorSpec): number | null {
  return readScalarValue(decode(encodeEvent({ values: [{ tag: 't', tensor }] })).summary!.value![0]!);
}

function littleEndian(write: (view: DataView) => void, bytes: number): Uint8Array {
  const buffer = new Uint8Array(bytes);
  write(new DataView(buffer.buffer));
  return buffer;
}

describe('decodeEvent', () => {
  it('reads wall time, int64 step, file_version and leaves a missing step out (proto3 default 0)', () => {
    expect(decode(encodeEvent({ wallTime: 1.5, fileVersion: 'brain.Event:2' }))).toMatchObject({ wallTime: 1.5, fileVersion: 'brain.Event:2' });
    expect(decode(encodeEvent({ wallTime: 1, step: 2 ** 40 + 3, values: [] })).step).toBe(String(2 ** 40 + 3));
    expect(decode(encodeEvent({ wallTime: 1, values: [{ tag: 'a', simpleValue: 0 }] })).step).toBeUndefined();
  });

  it('returns a reason instead of throwing on bytes that are not an Event', () => {
    expect(decodeEvent(Uint8Array.from([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f]))).toEqual({ error: expect.stringMatching(/^not a valid Event protobuf/) });
    expect(decodeEvent(Uint8Array.from([0x2a, 0x05, 0x01]))).toHaveProperty('error');
  });
});

describe('readScalarValue', () => {
  it('reads simple_value, including an explicit 0 written by old writers', () => {
    const event = decode(encodeEvent({ values: [{ tag: 'a', simpleValue: 0.1 }, { tag: 'b', simpleValue: 0 }] }));
    expect(event.summary!.value!.map(readScalarValue)).toEqual([Math.fround(0.1), 0]);
  });

  it('reads scalar tensors from little-endian tensor_content for each numeric dtype', () => {
    expect(scalarOf({ dtype: TfDataType.float, content: littleEndian((view) => view.setFloat32(0, 49.5, true), 4) })).toBe(49.5);
    expect(scalarOf({ dtype: TfDataType.double, content: littleEndian((view) => view.setFloat64(0, 0.1, true), 8) })).toBe(0.1);
    expect(scalarOf({ dtype: TfDataType.int32, content: littleEndian((view) => view.setInt32(0, -7, true), 4) })).toBe(-7);
    expect(scalarOf({ dtype: TfDataType.int64, content: littleEndian((view) => view.setBigInt64(0, 123456789012n, true), 8) })).toBe(123456789012);
  });

  it('reads scalar tensors from the typed value lists, packed or not', () => {
    expect(scalarOf({ dtype: TfDataType.float, floatVal: [2.5] })).toBe(2.5);
    expect(scalarOf({ dtype: TfDataType.double, doubleVal: [1e300] })).toBe(1e300);
    expect(scalarOf({ dtype: TfDataType.int32, intVal: [42] })).toBe(42);
    expect(scalarOf({ dtype: TfDataType.int64, int64Val: [2 ** 40] })).toBe(2 ** 40);
    expect(scalarOf({ dtype: TfDataType.float, dims: [1], floatVal: [3] })).toBe(3);
  });

  it('skips text, multi-element, empty and malformed tensors and values with no payload', () => {
    expect(scalarOf({ dtype: TfDataType.string, dims: [1], stringVal: ['{"a": 1}'] })).toBeNull();
    expect(scalarOf({ dtype: TfDataType.float, dims: [2], content: new Uint8Array(8) })).toBeNull();
    expect(scalarOf({ dtype: TfDataType.float })).toBeNull();
    expect(scalarOf({ dtype: TfDataType.float, content: new Uint8Array(3) })).toBeNull();
    expect(scalarOf({ dtype: 19, content: new Uint8Array(2) })).toBeNull(); // DT_HALF is not read
    expect(scalarOf({ dtype: TfDataType.double, doubleVal: [1, 2] })).toBeNull();
    expect(readScalarValue(decode(encodeEvent({ values: [{ tag: 'empty' }] })).summary!.value![0]!)).toBeNull();
  });
});
