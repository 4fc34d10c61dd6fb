// Runs once when a Next.js server process starts (not in the browser, not on the edge runtime).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startDeliveryWorkerFromEnv } = await import('./lib/alerts/start-worker');
  startDeliveryWorkerFromEnv();
}
