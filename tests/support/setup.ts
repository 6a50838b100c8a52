// Every test file gets its own in-memory PGlite unless DATABASE_URL points at PostgreSQL.
if (!process.env.DATABASE_URL) process.env.PGLITE_DIR = 'memory://';
process.env.BCRYPT_COST ??= '4';
