/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The app serves 127.0.0.1 by default; without this `next dev` refuses its own dev resources there.
  allowedDevOrigins: ['127.0.0.1'],
  // `next dev` would otherwise write an AGENTS.md into the repository on every start.
  agentRules: false,
  experimental: {
    agentUpgrade: false,
  },
};

export default nextConfig;
