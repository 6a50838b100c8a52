// Vitest runs outside React's server build, where the real `server-only` would throw.
export {};
