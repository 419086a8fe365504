// The base URL of a service whose API lives at a fixed address (Slack, Airtable, Notion, …). An
// environment variable may point it elsewhere: a corporate proxy or mirror, or a local stand-in
// that follows the service's documented API (how the tests reach one, since they have no internet).
// The variable is read on every call, so a change applies without a restart.
import { serviceUrlVariable } from '../../domain/index.ts';

/** `WEFT_<SERVICE>_API_URL` (service upper-cased, non-alphanumerics as `_`), else `fallback`; no trailing slash. */
export function serviceUrl(service: string, fallback: string): string {
  const value = process.env[serviceUrlVariable(service)]?.trim();
  return (value || fallback).replace(/\/+$/, '');
}
