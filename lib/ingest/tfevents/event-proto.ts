import protobuf from 'protobufjs/light.js';

/**
 * The subset of TensorFlow's `event.proto`, `summary.proto`, `tensor.proto` and
 * `tensor_shape.proto` that scalar import needs, built in code so nothing is loaded at runtime.
 * Field numbers are TensorFlow's; fields left out (graph_def, session_log, images, histograms…)
 * are skipped by the decoder as unknown fields. Names are camelCase as protobufjs presents them.
 */
const descriptor: protobuf.INamespace = {
  nested: {
    tensorboard: {
      nested: {
        Event: {
          oneofs: { what: { oneof: ['fileVersion', 'graphDef', 'summary', 'logMessage', 'sessionLog', 'taggedRunMetadata', 'metaGraphDef'] } },
          fields: {
            wallTime: { type: 'double', id: 1 },
            step: { type: 'int64', id: 2 },
            fileVersion: { type: 'string', id: 3 },
            graphDef: { type: 'bytes', id: 4 },
            summary: { type: 'Summary', id: 5 },
            logMessage: { type: 'bytes', id: 6 },
            sessionLog: { type: 'bytes', id: 7 },
            taggedRunMetadata: { type: 'bytes', id: 8 },
            metaGraphDef: { type: 'bytes', id: 9 },
            sourceMetadata: { type: 'SourceMetadata', id: 10 },
          },
        },
        SourceMetadata: { fields: { writer: { type: 'string', id: 1 } } },
        Summary: { fields: { value: { rule: 'repeated', type: 'SummaryValue', id: 1 } } },
        SummaryValue: {
          oneofs: { value: { oneof: ['simpleValue', 'obsoleteOldStyleHistogram', 'image', 'histo', 'audio', 'tensor'] } },
          fields: {
            nodeName: { type: 'string', id: 7 },
            tag: { type: 'string', id: 1 },
            metadata: { type: 'SummaryMetadata', id: 9 },
            simpleValue: { type: 'float', id: 2 },
            obsoleteOldStyleHistogram: { type: 'bytes', id: 3 },
            image: { type: 'bytes', id: 4 },
            histo: { type: 'bytes', id: 5 },
            audio: { type: 'bytes', id: 6 },
            tensor: { type: 'TensorProto', id: 8 },
          },
        },
        SummaryMetadata: {
          fields: {
            pluginData: { type: 'PluginData', id: 1 },
            displayName: { type: 'string', id: 2 },
            summaryDescription: { type: 'string', id: 3 },
            dataClass: { type: 'int32', id: 4 },
          },
        },
        PluginData: { fields: { pluginName: { type: 'string', id: 1 }, content: { type: 'bytes', id: 2 } } },
        TensorProto: {
          fields: {
            dtype: { type: 'int32', id: 1 },
            tensorShape: { type: 'TensorShapeProto', id: 2 },
            versionNumber: { type: 'int32', id: 3 },
            tensorContent: { type: 'bytes', id: 4 },
            halfVal: { rule: 'repeated', type: 'int32', id: 13 },
            floatVal: { rule: 'repeated', type: 'float', id: 5 },
            doubleVal: { rule: 'repeated', type: 'double', id: 6 },
            intVal: { rule: 'repeated', type: 'int32', id: 7 },
            stringVal: { rule: 'repeated', type: 'bytes', id: 8 },
            int64Val: { rule: 'repeated', type: 'int64', id: 10 },
            boolVal: { rule: 'repeated', type: 'bool', id: 11 },
          },
        },
        TensorShapeProto: {
          fields: {
            dim: { rule: 'repeated', type: 'TensorShapeDim', id: 2 },
            unknownRank: { type: 'bool', id: 3 },
          },
        },
        TensorShapeDim: { fields: { size: { type: 'int64', id: 1 }, name: { type: 'string', id: 2 } } },
      },
    },
  },
};

const eventType = protobuf.Root.fromJSON(descriptor).lookupType('tensorboard.Event');

/** TensorFlow `DataType` numbers of the dtypes a scalar may be stored as. */
export const TfDataType = { float: 1, double: 2, int32: 3, string: 7, int64: 9 } as const;

export interface TensorShape {
  dim?: { size?: string; name?: string }[];
  unknownRank?: boolean;
}

export interface Tensor {
  dtype?: number;
  tensorShape?: TensorShape;
  tensorContent?: Uint8Array;
  floatVal?: number[];
  doubleVal?: number[];
  intVal?: number[];
  int64Val?: string[];
  stringVal?: Uint8Array[];
}

export interface SummaryValue {
  tag?: string;
  nodeName?: string;
  metadata?: { pluginData?: { pluginName?: string }; displayName?: string };
  /** Which member of the `value` oneof is set, if any. */
  value?: 'simpleValue' | 'obsoleteOldStyleHistogram' | 'image' | 'histo' | 'audio' | 'tensor';
  simpleValue?: number;
  tensor?: Tensor;
}

/** A decoded `Event`: proto3 leaves out defaults, so an absent field means 0, "" or empty. */
export interface TfEvent {
  wallTime?: number;
  /** int64 as a decimal string, so values beyond 2^53 are not silently rounded. */
  step?: string;
  fileVersion?: string;
  sourceMetadata?: { writer?: string };
  summary?: { value?: SummaryValue[] };
  what?: string;
}

/**
 * Decodes one TFRecord payload as an `Event`. Returns the reason instead of throwing when the bytes
 * are not a valid Event (a record can pass its CRC and still hold something else).
 */
export function decodeEvent(data: Uint8Array): { event: TfEvent } | { error: string } {
  try {
    const message = eventType.decode(data);
    const plain = eventType.toObject(message, { longs: String, defaults: false, arrays: false, oneofs: true });
    return { event: plain as TfEvent };
  } catch (error) {
    return { error: `not a valid Event protobuf (${error instanceof Error ? error.message : String(error)})` };
  }
}
