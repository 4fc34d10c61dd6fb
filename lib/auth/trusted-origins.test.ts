import { describe, expect, it } from 'vitest';
import { trustedOriginsFor } from './trusted-origins';

describe('trustedOriginsFor', () => {
  it('trusts the origin the request was sent to, by its Host header', () => {
    const request = new Request('http://localhost:3000/api/auth/sign-in/email', { headers: { host: 'gpu-box.lab:3000' } });
    expect(trustedOriginsFor(request, undefined)).toEqual(['http://gpu-box.lab:3000']);
  });

  it("follows a reverse proxy's forwarded host and scheme, first value only", () => {
    const request = new Request('http://127.0.0.1:3000/x', {
      headers: { host: '127.0.0.1:3000', 'x-forwarded-host': 'reproboard.lab.org, inner', 'x-forwarded-proto': 'https' },
    });
    expect(trustedOriginsFor(request, undefined)).toEqual(['https://reproboard.lab.org']);
  });

  it('adds the configured origins, and only those without a request', () => {
    expect(trustedOriginsFor(undefined, ' https://a.example , https://b.example,')).toEqual(['https://a.example', 'https://b.example']);
  });
});
