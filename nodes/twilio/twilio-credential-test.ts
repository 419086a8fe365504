// The Twilio API credential test: GET /2010-04-01/Accounts/<sid>.json with the credential's Basic
// auth (Twilio answers 401, code 20003, for a wrong pair). Messages never include the secret.
import { createTransport, send } from '../http-request/send.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { twilioAuthorization, twilioBaseUrl } from './twilio-api.ts';

class CheckFailed extends Error {}

export async function testTwilioCredential(data: Record<string, unknown>, timeoutMs: number, options: { blockPrivateNetworks?: boolean } = {}): Promise<string> {
  const sid = String(data.accountSid ?? '');
  if (!sid) throw new Error('The Account SID is empty');
  const blockPrivateNetworks = options.blockPrivateNetworks ?? false;
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks });
  try {
    const response = await send(transport, { method: 'GET', url: `${twilioBaseUrl()}/2010-04-01/Accounts/${encodeURIComponent(sid)}.json`,
      headers: { authorization: twilioAuthorization(data), accept: 'application/json' } }, {
      timeoutMs, followRedirects: true, maxRedirects: 5, signal: new AbortController().signal, blockPrivateNetworks,
    });
    if (response.statusCode >= 400) {
      let said = '';
      try {
        const answer = JSON.parse(response.body.toString('utf8')) as { message?: string; detail?: string };
        said = String(answer.detail ?? answer.message ?? '');
      } catch { /* not JSON */ }
      throw new CheckFailed(`Twilio answered ${response.statusCode} ${response.statusMessage}${said ? `: ${said}` : ''}`);
    }
    return 'Connection tested successfully';
  } catch (error) {
    if (error instanceof CheckFailed) throw new Error(error.message);
    throw new Error(serviceCallError('Twilio', error, 0).message);
  } finally {
    await transport.close();
  }
}
