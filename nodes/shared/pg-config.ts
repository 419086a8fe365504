// The pg driver's connection options for n8n's `postgres` credential, shared by the Postgres nodes.
import type pg from 'pg';

/** pg's options for the credential (fields: host, port, database, user, password, ssl). */
export function pgConfig(credentials: Record<string, unknown>, connectionTimeoutSeconds = 30): pg.ClientConfig {
  const ssl = credentials.ssl;
  return {
    host: String(credentials.host ?? 'localhost'),
    port: Number(credentials.port ?? 5432),
    database: String(credentials.database ?? 'postgres'),
    user: String(credentials.user ?? 'postgres'),
    password: typeof credentials.password === 'string' ? credentials.password : '',
    // libpq's 'require'/'allow': encrypt without verifying the certificate.
    ssl: ssl === 'require' || ssl === 'allow' ? { rejectUnauthorized: false } : false,
    connectionTimeoutMillis: Math.max(1, connectionTimeoutSeconds) * 1000,
    application_name: 'weft',
  };
}
