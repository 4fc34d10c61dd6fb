/**
 * One value per server process. Next gives each route bundle its own instance of every module, so
 * module-level state (a cache, a registry, a queue) would be one per route: the out.log route would
 * not find the connection the projects route opened, and two routes' diagnostics queues would run
 * side by side. State every route must share lives on globalThis under a registered symbol instead.
 */
export function processWide<T>(name: string, create: () => T): T {
  const registry = globalThis as unknown as Record<symbol, unknown>;
  const key = Symbol.for(`reproboard.${name}`);
  if (!(key in registry)) registry[key] = create();
  return registry[key] as T;
}
