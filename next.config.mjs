/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `next dev` would otherwise write an AGENTS.md into the repository on every start.
  agentRules: false,
  experimental: {
    agentUpgrade: false,
  },
};

export default nextConfig;
