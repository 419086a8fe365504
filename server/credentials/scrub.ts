// Keeps secret values out of messages that reach users and logs: drivers and providers sometimes
// echo what they were sent (a password in a connection string, a secret in an error description).

/** Replaces every occurrence of each secret in `message` with `***`, longest secrets first. */
export function scrubSecrets(message: string, secrets: readonly unknown[]): string {
  const values = secrets.filter((s): s is string => typeof s === 'string' && s !== '').sort((a, b) => b.length - a.length);
  let out = message;
  for (const value of values) {
    out = out.split(value).join('***');
    // Also the URL-encoded form, as in a connection string or a form body.
    const encoded = encodeURIComponent(value);
    if (encoded !== value) out = out.split(encoded).join('***');
  }
  return out;
}
