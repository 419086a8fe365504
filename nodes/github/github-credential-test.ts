// The githubApi credential test, as n8n's: `GET /user` on the credential's server with the token.
// The message names the account; errors say what GitHub said, never the token.
import { createTransport } from '../http-request/send.ts';
import { errorMessage } from '../shared/items.ts';
import { GithubApiError, githubRequest, githubServer } from './github-api.ts';

export async function testGithubCredential(data: Record<string, unknown>, timeoutMs: number, blockPrivateNetworks = false): Promise<string> {
  const token = String(data.accessToken ?? '');
  if (!token) throw new Error('The access token is empty');
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks });
  try {
    const user = await githubRequest(
      { transport, signal: AbortSignal.timeout(timeoutMs), blockPrivateNetworks, nodeName: 'GitHub' }, { server: githubServer(data), token }, { method: 'GET', endpoint: '/user' },
    ) as { login?: string };
    return `Connection successful: signed in as ${user.login ?? 'a GitHub user'}`;
  } catch (error) {
    if (error instanceof GithubApiError) throw new Error(`${error.message}: ${error.serviceMessage}`);
    throw new Error(errorMessage(error).split(token).join('***'));
  } finally {
    await transport.close();
  }
}
