// Connecting an OAuth2 account from the Credentials screen in real Chromium, against a provider
// stand-in written from RFC 6749: the form shows the redirect URL, "Connect my account" runs the
// consent screen in a popup that reports back and closes, the list says "Connected", and an HTTP
// Request run calls the provider's API with the stored token. Editing keeps secrets unread.
// The server is reached through PUBLIC_URL (a plain TCP forwarder in front of it, as a reverse
// proxy would be), so the redirect URI the server gives providers is one the browser can open.
import { createConnection, createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, ownerApi, screenshot, signedInPage, startHarness, within, type Harness } from './harness.ts';
import { startStandInProvider, type StandInProvider } from './oauth2-provider-stand-in.ts';

describe.skipIf(!chromiumAvailable())('connecting an OAuth2 account from the Credentials screen', () => {
  let h: Harness;
  let front: Server;
  let provider: StandInProvider;
  let publicUrl: string;

  beforeAll(async () => {
    let target = 0;
    front = createServer((socket) => {
      const upstream = createConnection(target, '127.0.0.1');
      socket.pipe(upstream).pipe(socket);
      const end = () => { socket.destroy(); upstream.destroy(); };
      socket.on('error', end);
      upstream.on('error', end);
    });
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
    publicUrl = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
    [h, provider] = await Promise.all([startHarness({ PUBLIC_URL: publicUrl }), startStandInProvider()]);
    target = h.server.port;
    provider.registerRedirectUri(`${publicUrl}/api/v1/oauth2/callback`);
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await provider?.close();
    await new Promise((resolve) => front?.close(resolve));
  });

  const form = (page: Page) => page.locator('form.modal');
  async function connectInPopup(page: Page, choice: '#allow' | '#deny' | 'bogus-state', scope = 'profile') {
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.click('[data-testid="oauth-connect"]')]);
    await popup.waitForURL((u) => u.pathname === '/authorize');
    const consent = new URL(popup.url()).searchParams;
    expect(Object.fromEntries(consent)).toMatchObject({ response_type: 'code', client_id: provider.clientId, redirect_uri: `${publicUrl}/api/v1/oauth2/callback`, scope });
    // A state the server never gave (or that expired and was removed) stands for "state expired".
    if (choice === 'bogus-state') await popup.goto(`${publicUrl}/api/v1/oauth2/callback?code=x&state=wo_not-a-state`);
    else await popup.click(choice);
    await popup.waitForEvent('close', { timeout: 5_000 });
  }

  it('shows the redirect URL, connects in a popup, shows Connected, and a run uses the stored token', async () => {
    const { page, context } = await signedInPage({ ...h, server: { ...h.server, url: publicUrl } });
    await page.goto('/credentials');
    await page.selectOption('select[aria-label="New credential"]', { label: 'OAuth2 API' });
    await expect.poll(() => page.inputValue('[data-testid="oauth-redirect-url"]')).toBe(`${publicUrl}/api/v1/oauth2/callback`);
    await page.fill('#cred-name', 'Stand-in account');
    await page.fill('#f-authUrl', provider.authUrl);
    await page.fill('#f-accessTokenUrl', provider.tokenUrl);
    await page.fill('#f-clientId', provider.clientId);
    await page.fill('#f-clientSecret', provider.clientSecret);
    await page.fill('#f-scope', 'profile');
    expect(await page.textContent('[data-testid="oauth-status"]')).toBe('Not connected');

    // The provider refuses: its reason is shown, and nothing is connected.
    await connectInPopup(page, '#deny');
    await within(5_000, async () => ((await page.textContent('[data-testid="credential-error"]').catch(() => '')) ?? '').includes('The provider refused: The user declined'), 'the refusal is shown');
    // An unknown or expired state: the server's reason is shown.
    await connectInPopup(page, 'bogus-state');
    await within(5_000, async () => ((await page.textContent('[data-testid="credential-error"]').catch(() => '')) ?? '').includes('The OAuth2 state is unknown or expired; start again'), 'the expired state is shown');
    expect(provider.tokenRequests).toHaveLength(0);

    await connectInPopup(page, '#allow');
    await within(5_000, async () => (await page.textContent('[data-testid="oauth-status"]')) === 'Account connected', 'the form says connected');
    expect(await page.locator('[data-testid="credential-error"]').count()).toBe(0);
    const exchange = provider.tokenRequests.at(-1)!;
    expect(exchange.grantType).toBe('authorization_code');
    expect(exchange.params.redirect_uri).toBe(`${publicUrl}/api/v1/oauth2/callback`);
    expect(Buffer.from(exchange.basic!, 'base64').toString()).toBe(`${provider.clientId}:${provider.clientSecret}`);
    await screenshot(page, '60-credential-oauth2-connected');
    await page.click('form.modal button:has-text("Close")');
    await within(5_000, async () => (await page.textContent('tr[data-credential="Stand-in account"] [data-testid="credential-connection"]'))?.trim() === 'Connected', 'the list says Connected');

    const credentials = await ownerApi<{ data: { id: string; name: string }[] }>(h, 'GET', '/api/v1/credentials');
    const id = credentials.data.find((c) => c.name === 'Stand-in account')!.id;
    const workflow = await ownerApi<{ id: string }>(h, 'POST', '/api/v1/workflows', {
      name: 'Who am I', settings: { executionOrder: 'v1' },
      nodes: [
        { id: 't', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
        { id: 'h', name: 'Me', type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2, position: [200, 0], parameters: {
          url: provider.apiUrl, authentication: 'genericCredentialType', genericAuthType: 'oAuth2Api',
        }, credentials: { oAuth2Api: { id, name: 'Stand-in account' } } },
      ],
      connections: { Start: { main: [[{ node: 'Me', type: 'main', index: 0 }]] } },
    });
    const run = await ownerApi<{ data: { resultData: { error?: unknown; runData: Record<string, { data: { main: { json: unknown }[][] } }[]> } } }>(h, 'POST', `/api/v1/workflows/${workflow.id}/run?wait=true`, {});
    expect(run.data.resultData.error).toBeUndefined();
    expect(run.data.resultData.runData.Me[0].data.main[0][0].json).toEqual({ user: 'ada', token: provider.issuedTokens.at(-1) });

    // Edit: the name and non-secret values are filled in, the secret is empty and "unchanged"; only
    // the scope changes, so the secret goes back as the placeholder and the name is not sent.
    await page.click('tr[data-credential="Stand-in account"] button:has-text("Edit")');
    expect(await page.inputValue('#cred-name')).toBe('Stand-in account');
    expect(await page.inputValue('#f-clientId')).toBe(provider.clientId);
    expect(await page.inputValue('#f-clientSecret')).toBe('');
    expect(await page.getAttribute('#f-clientSecret', 'placeholder')).toBe('unchanged');
    expect(await page.textContent('[data-testid="oauth-status"]')).toBe('Account connected');
    await page.fill('#f-scope', 'profile email');
    const patch = page.waitForRequest((r) => r.method() === 'PATCH');
    await page.click('form.modal button[type="submit"]');
    const sent = (await patch).postDataJSON() as { name?: string; data: Record<string, unknown> };
    expect(sent.name).toBeUndefined();
    expect(sent.data).toMatchObject({ scope: 'profile email', clientId: provider.clientId, clientSecret: '__weft_redacted__' });
    expect(sent.data.oauthTokenData).toBeUndefined();
    await within(5_000, async () => (await form(page).count()) === 0, 'the form closes');

    // Reconnect with the edited credential: the kept secret still authenticates the client.
    const before = provider.issuedTokens.length;
    await page.click('tr[data-credential="Stand-in account"] button:has-text("Edit")');
    expect(await page.textContent('[data-testid="oauth-connect"]')).toBe('Reconnect my account');
    await connectInPopup(page, '#allow', 'profile email');
    await within(5_000, async () => provider.issuedTokens.length === before + 1, 'a new token is issued');
    expect(provider.tokenRequests.at(-1)!.params.redirect_uri).toBe(`${publicUrl}/api/v1/oauth2/callback`);
    expect(provider.problems).toEqual([]);
    expect(h.consoleErrors.filter((e) => !e.includes('400') && !e.includes('Bad Request'))).toEqual([]);
    await context.close();
  });
});
