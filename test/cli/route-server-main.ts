/**
 * Runs the route server as its own process, so tests can SIGKILL and restart it on the same
 * database: `node --conditions=react-server --import tsx test/cli/route-server-main.ts PORT DATABASE_URL`.
 * Prints `listening on http://127.0.0.1:PORT` once it accepts connections (PORT 0 picks a free one).
 */
import type { AddressInfo } from 'node:net';

const [port = '0', databaseUrl] = process.argv.slice(2);
if (!databaseUrl) {
  console.error('usage: route-server-main.ts PORT DATABASE_URL');
  process.exit(2);
}
process.env.DATABASE_URL = databaseUrl;
const { createRouteServer } = await import('./route-server');
const server = createRouteServer();
server.listen(Number(port), '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
