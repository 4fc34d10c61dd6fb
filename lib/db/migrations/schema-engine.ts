/**
 * Prisma's schema engine as WebAssembly, so migrations apply without the native binary that the
 * Prisma CLI would download. The engine's package entry imports its .wasm as an ES module, which
 * Node 20 cannot do, so the module is compiled and wired by hand.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';

const require = createRequire(import.meta.url);

type EngineModule = typeof import('@prisma/schema-engine-wasm') & {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
};

// The engine's JS glue is one ES module per process and holds one wasm instance, even when this
// file is loaded more than once (vitest runs each project's global setup in its own module graph).
// So the loaded engine and the queue live on globalThis: a second instantiation would swap the
// wasm memory under a running engine.
const shared = globalThis as unknown as { reproboardSchemaEngine?: { module?: Promise<EngineModule>; queue: Promise<unknown> } };
const engineState = (shared.reproboardSchemaEngine ??= { queue: Promise.resolve() });

/**
 * Runs schema-engine work one call at a time: the wasm engine is one module instance, and two
 * engines driving it at once (two test projects migrating their templates) make it panic.
 */
export function withSchemaEngineLock<T>(work: () => Promise<T>): Promise<T> {
  const run = engineState.queue.then(work, work);
  engineState.queue = run.catch(() => undefined);
  return run;
}

// The engine reports a Rust panic through this global; without it the panic's message is lost
// behind "Cannot read properties of undefined (reading 'set_message')".
const panicRegistry = globalThis as unknown as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
panicRegistry.PRISMA_WASM_PANIC_REGISTRY ??= {
  set_message(message: string) {
    console.error(`Prisma schema engine panicked: ${message}`);
  },
};

async function loadEngineModule(): Promise<EngineModule> {
  const bindings = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as unknown as EngineModule;
  const wasmPath = path.join(path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')), 'schema_engine_bg.wasm');
  const wasmModule = new WebAssembly.Module(readFileSync(wasmPath));
  const instance = new WebAssembly.Instance(wasmModule, { './schema_engine_bg.js': bindings as unknown as WebAssembly.ModuleImports });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bindings;
}

export interface OpenedSchemaEngine {
  engine: SchemaEngine;
  /** Frees the engine and closes the connections it opened (SQLite would stay locked otherwise). */
  close(): Promise<void>;
}

export async function openSchemaEngine(
  schema: { path: string; content: string },
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  log: (message: string) => void = () => {},
): Promise<OpenedSchemaEngine> {
  engineState.module ??= loadEngineModule();
  const bindings = await engineState.module;
  const opened: { dispose(): Promise<void> }[] = [];
  const tracking: SqlMigrationAwareDriverAdapterFactory = {
    provider: adapterFactory.provider,
    adapterName: adapterFactory.adapterName,
    connect: async () => {
      const adapter = await adapterFactory.connect();
      opened.push(adapter);
      return adapter;
    },
    connectToShadowDb: async () => {
      const adapter = await adapterFactory.connectToShadowDb();
      opened.push(adapter);
      return adapter;
    },
  };
  const engine = await bindings.SchemaEngine.new(
    { datamodels: [[schema.path, schema.content]] },
    (message: string) => log(message),
    bindMigrationAwareSqlAdapterFactory(tracking),
  );
  return {
    engine,
    close: async () => {
      engine.free();
      await Promise.all(opened.map((adapter) => adapter.dispose()));
    },
  };
}

export const noSchemaFilter = { externalTables: [], externalEnums: [] };
