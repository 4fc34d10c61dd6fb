/** The admin every route server's database has, so tests and benchmarks sign in over HTTP like a browser. */
export const ROUTE_SERVER_ADMIN = { email: 'route-server-admin@lab.example', password: 'route-server-admin-password' };

/** Signs in as the route server's admin and returns the Cookie header to send. */
export async function signInToRouteServer(server: string): Promise<string> {
  const response = await fetch(`${server}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server },
    body: JSON.stringify(ROUTE_SERVER_ADMIN),
  });
  if (!response.ok) throw new Error(`signing in to ${server}: HTTP ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0]!)
    .join('; ');
}
