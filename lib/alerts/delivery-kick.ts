/**
 * Lets code that raised an alert wake this process's delivery worker at once, without importing it
 * (or waiting for it). Kept on globalThis: Next bundles instrumentation.ts, where the worker starts,
 * apart from the route handlers that raise alerts.
 */
const registry = globalThis as unknown as { reproboardDeliveryKick?: () => void };

export function registerDeliveryKick(kick: (() => void) | undefined): void {
  registry.reproboardDeliveryKick = kick;
}

export function currentDeliveryKick(): (() => void) | undefined {
  return registry.reproboardDeliveryKick;
}

/** Wakes the worker if one runs in this process; otherwise its next poll (in any process) sends. */
export function kickDeliveries(): void {
  registry.reproboardDeliveryKick?.();
}
