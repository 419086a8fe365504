// The key that signs resume links (Send and Wait), derived from the master key: every server and
// worker of an installation shares it without another setting, and it is never the master key itself.
import { createHmac } from 'node:crypto';

export function resumeUrlSecret(masterKey: Buffer): string {
  return createHmac('sha256', masterKey).update('weft:resume-url-signature:v1').digest('hex');
}
