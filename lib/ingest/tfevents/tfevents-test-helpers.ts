/** Shared by the tfevents tests: fixture paths and hand-built records in TFRecord framing. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import protobuf from 'protobufjs/light.js';
import { computeCrc32c, maskCrc32c } from './crc32c';

export const TFEVENTS_FIXTURES = path.resolve(import.meta.dirname, '../../../test/fixtures/tfevents');

export const FIXTURE = {
  strict: 'janosh__tensorboard-reducer/tests__runs__strict__run_1__events.out.tfevents.1622543341.janoshs-mbp.lan.86862.0',
  lax: 'janosh__tensorboard-reducer/tests__runs__lax__run_1__events.out.tfevents.1622543341.janoshs-mbp.lan.86862.3',
  duplicateSteps: 'janosh__tensorboard-reducer/tests__runs__duplicate_steps__run_1__events.out.tfevents.1622966509.janoshs-mbp.lan.86059.0',
  hfTrain: '10844110__t5-summarization-demo/runs__Mar24_22-23-40_DESKTOP-41L2EO3__events.out.tfevents.1742826235.DESKTOP-41L2EO3.107869.0',
  hfEval: '10844110__t5-summarization-demo/runs__Mar24_22-23-40_DESKTOP-41L2EO3__events.out.tfevents.1742884204.DESKTOP-41L2EO3.107869.1',
  tf2: 'orktes__go-tensorboard/testdata__tfevents__events.out.tfevents.1585499054.Jaakkos-Mac-mini.local.11684.5.v2',
  catboost: 'AsifShaikDS__Rainfall-Prediction-using-ML-algorithms/catboost_info__learn__events.out.tfevents',
  tiny: 'dfalbel__tfevents-js/src____tests____assets__events.out.tfevents.1687811641.v2',
} as const;

export function readFixture(name: keyof typeof FIXTURE): Buffer {
  return readFileSync(path.join(TFEVENTS_FIXTURES, FIXTURE[name]));
}

/** Wraps bytes in TFRecord framing: uint64 length, masked CRC of it, data, masked CRC of the data. */
export function frameRecord(data: Uint8Array): Buffer {
  const header = Buffer.alloc(12);
  header.writeUInt32LE(data.length, 0);
  header.writeUInt32LE(maskCrc32c(computeCrc32c(header, 0, 8)), 8);
  const footer = Buffer.alloc(4);
  footer.writeUInt32LE(maskCrc32c(computeCrc32c(data)), 0);
  return Buffer.concat([header, data, footer]);
}

/** Byte offsets of each record's header in a well-formed file. */
export function listRecordOffsets(file: Buffer): number[] {
  const offsets: number[] = [];
  for (let at = 0; at < file.length; at += 16 + Number(file.readBigUInt64LE(at))) offsets.push(at);
  return offsets;
}

export interface TensorSpec {
  dtype: number;
  dims?: number[];
  content?: Uint8Array;
  floatVal?: number[];
  doubleVal?: number[];
  intVal?: number[];
  int64Val?: number[];
  stringVal?: string[];
}

export interface ValueSpec {
  tag: string;
  simpleValue?: number;
  tensor?: TensorSpec;
  plugin?: string;
}

function writeTensor(writer: protobuf.Writer, tensor: TensorSpec): void {
  writer.uint32((1 << 3) | 0).int32(tensor.dtype);
  const shape = protobuf.Writer.create();
  for (const size of tensor.dims ?? []) shape.uint32((2 << 3) | 2).fork().uint32((1 << 3) | 0).int64(size).ldelim();
  writer.uint32((2 << 3) | 2).bytes(shape.finish());
  if (tensor.content) writer.uint32((4 << 3) | 2).bytes(tensor.content);
  if (tensor.floatVal) writer.uint32((5 << 3) | 2).fork().float(tensor.floatVal[0]!).ldelim();
  for (const value of tensor.doubleVal ?? []) writer.uint32((6 << 3) | 1).double(value); // unpacked, as old writers did
  if (tensor.intVal) writer.uint32((7 << 3) | 2).fork().int32(tensor.intVal[0]!).ldelim();
  for (const text of tensor.stringVal ?? []) writer.uint32((8 << 3) | 2).string(text);
  if (tensor.int64Val) writer.uint32((10 << 3) | 2).fork().int64(tensor.int64Val[0]!).ldelim();
}

/** Encodes an `Event` on the wire by hand (independent of the decoder's descriptor). */
export function encodeEvent(event: { wallTime?: number; step?: number; fileVersion?: string; values?: ValueSpec[] }): Uint8Array {
  const writer = protobuf.Writer.create();
  if (event.wallTime !== undefined) writer.uint32((1 << 3) | 1).double(event.wallTime);
  if (event.step) writer.uint32((2 << 3) | 0).int64(event.step);
  if (event.fileVersion !== undefined) writer.uint32((3 << 3) | 2).string(event.fileVersion);
  if (event.values) {
    writer.uint32((5 << 3) | 2).fork();
    for (const value of event.values) {
      writer.uint32((1 << 3) | 2).fork();
      writer.uint32((1 << 3) | 2).string(value.tag);
      if (value.simpleValue !== undefined) writer.uint32((2 << 3) | 5).float(value.simpleValue);
      if (value.tensor) {
        writer.uint32((8 << 3) | 2).fork();
        writeTensor(writer, value.tensor);
        writer.ldelim();
      }
      if (value.plugin) writer.uint32((9 << 3) | 2).fork().uint32((1 << 3) | 2).fork().uint32((1 << 3) | 2).string(value.plugin).ldelim().ldelim();
      writer.ldelim();
    }
    writer.ldelim();
  }
  return writer.finish();
}

/** A framed scalar event, the shape PyTorch's SummaryWriter writes. */
export function scalarRecord(tag: string, step: number, value: number, wallTime = 1_700_000_000.5): Buffer {
  return frameRecord(encodeEvent({ wallTime, step, values: [{ tag, simpleValue: value }] }));
}
