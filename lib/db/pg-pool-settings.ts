/**
 * How long an idle PostgreSQL connection stays open. node-postgres closes them after 10 s by
 * default; under a steady stream of chunks the pools then kept closing and reopening connections,
 * and each opening (a server process forked, a SCRAM handshake) stalled ingestion: 200 clients'
 * p99 went from 45 ms to 100–270 ms in `npm run bench:load`.
 */
export const IDLE_CONNECTION_MS = 5 * 60_000;
