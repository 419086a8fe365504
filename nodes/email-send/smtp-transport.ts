// SMTP transports for Send Email: one pooled nodemailer transport per credential (and certificate
// setting), shared by items and runs and closed when idle, as n8n's options map onto nodemailer.
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import { credentialKey, sharedClients } from '../shared/shared-clients.ts';

export type SmtpTransport = Transporter<SMTPPool.SentMessageInfo>;

const TIMEOUT_MS = 30_000;

/** nodemailer options from the `smtp` credential (n8n's fields, plus its newer optional ones). */
export function smtpOptions(credential: Record<string, unknown>, allowUnauthorizedCerts: boolean): SMTPTransport.Options {
  const options: SMTPTransport.Options = {
    host: String(credential.host ?? '').trim(),
    port: Number(credential.port ?? 465),
    secure: credential.secure !== false,
    connectionTimeout: TIMEOUT_MS, greetingTimeout: TIMEOUT_MS, socketTimeout: TIMEOUT_MS,
  };
  // Newer n8n credentials may carry these; ours do not ask for them yet, but honour them when present.
  if (options.secure === false && credential.disableStartTls === true) options.ignoreTLS = true;
  if (typeof credential.hostName === 'string' && credential.hostName) options.name = credential.hostName;
  const user = typeof credential.user === 'string' ? credential.user : '';
  const pass = typeof credential.password === 'string' ? credential.password : '';
  if (user || pass) options.auth = { user, pass };
  if (allowUnauthorizedCerts) options.tls = { rejectUnauthorized: false };
  return options;
}

const transports = sharedClients<SmtpTransport>(async (transport) => transport.close());

/**
 * Runs `fn` with the pooled transport for this credential. A failed send drops the transport, so
 * a changed password or a restarted server gets a fresh connection next time.
 */
export async function withTransport<R>(credential: Record<string, unknown>, allowUnauthorizedCerts: boolean, fn: (t: SmtpTransport) => Promise<R>): Promise<R> {
  const key = `${credentialKey(credential)}:${allowUnauthorizedCerts}`;
  try {
    return await transports.use(key, async () => nodemailer.createTransport({ ...smtpOptions(credential, allowUnauthorizedCerts), pool: true }), fn);
  } catch (error) {
    await transports.discard(key);
    throw error;
  }
}
