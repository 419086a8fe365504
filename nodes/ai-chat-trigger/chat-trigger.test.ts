// The Chat Trigger's pure parts: escaping for the page, the Basic Auth check, n8n's parameters per
// version, and that the browser code served as text parses.
import { describe, expect, it } from 'vitest';
import { resolveNodeParameters } from '../../domain/index.ts';
import { basicCredentials, checkBasicAuth } from './chat-auth.ts';
import { CHAT_PAGE_SCRIPT } from './chat-page-script.ts';
import { cssForStyle, escapeHtml, jsonForScript, renderChatPage, splitInitialMessages } from './chat-page.ts';
import { chatTriggerNode } from './chat-trigger.node.ts';
import { CHAT_WIDGET_SCRIPT } from './chat-widget.ts';

const basic = (login: string) => `Basic ${Buffer.from(login).toString('base64')}`;

describe('chat page escaping', () => {
  it('escapes markup, script-ending JSON and style-ending CSS', () => {
    expect(escapeHtml(`<a href="x">Tom & 'Jerry'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;');
    const json = jsonForScript({ text: '</script><!-- \u2028' });
    expect(json).not.toMatch(/[<>\u2028]/);
    expect(JSON.parse(json)).toEqual({ text: '</script><!-- \u2028' });
    expect(cssForStyle('a{} </style><script>x</script>')).not.toContain('<');
  });

  it('splits initial messages by line and keeps user texts out of the markup', () => {
    expect(splitInitialMessages('Hi!\n\n  How can I help? \n')).toEqual(['Hi!', 'How can I help?']);
    const page = renderChatPage({
      title: '<i>T</i>', subtitle: 's', initialMessages: ['</script><script>alert(1)</script>'], inputPlaceholder: '"><b>', getStarted: 'Go',
      showWelcomeScreen: false, loadPreviousSession: 'notSupported', allowFileUploads: true, allowedFilesMimeTypes: 'image/*', streaming: false, customCss: '</style><b>', embedded: false,
    });
    expect(page.html).not.toMatch(/<i>|<b>|<script>alert/);
    expect(page.html).toContain('accept="image/*"');
    const nonce = /script-src 'nonce-([^']+)'/.exec(page.contentSecurityPolicy)?.[1];
    expect(page.html).toContain(`<script nonce="${nonce}">`);
  });

  it('serves browser code that parses', () => {
    expect(() => new Function(CHAT_PAGE_SCRIPT)).not.toThrow();
    expect(() => new Function(CHAT_WIDGET_SCRIPT)).not.toThrow();
  });
});

describe('chat Basic Auth', () => {
  const expected = { user: 'ada', password: 'pa:ss' };
  it('reads the login, keeping colons in the password', () => {
    expect(basicCredentials(basic('ada:pa:ss'))).toEqual({ user: 'ada', password: 'pa:ss' });
    expect(basicCredentials('Bearer abc')).toBeUndefined();
  });
  it("answers as n8n: 500 without credential data, 401 without a login, 403 when wrong", () => {
    expect(checkBasicAuth(basic('ada:pa:ss'), { user: 'ada' })?.status).toBe(500);
    expect(checkBasicAuth(undefined, expected)?.status).toBe(401);
    expect(checkBasicAuth(basic('ada:nope'), expected)?.status).toBe(403);
    expect(checkBasicAuth(basic('bob:pa:ss'), expected)?.status).toBe(403);
    expect(checkBasicAuth(basic('ada:pa:ss'), expected)).toBeUndefined();
  });
});

describe('Chat Trigger parameters', () => {
  const { description } = chatTriggerNode;
  it('declares every typeVersion and n8n defaults', () => {
    expect(description.version).toEqual([1, 1.1, 1.2, 1.3]);
    expect(description.defaults.name).toBe('When chat message received');
    const resolved = resolveNodeParameters(description, { public: true }, 1.3) as Record<string, unknown>;
    expect(resolved).toMatchObject({ public: true, mode: 'hostedChat', authentication: 'none', initialMessages: 'Hi there! 👋\nMy name is Nathan. How can I assist you today?' });
  });

  it('offers the response modes of each version', () => {
    const modes = (typeVersion: number, parameters: Record<string, unknown>) => {
      const shown = description.properties.filter((p) => p.name === 'options').find((p) => {
        const show = p.displayOptions?.show ?? {};
        const versions = show['@version'] as unknown[];
        const versionOk = versions.some((v) => (typeof v === 'number' ? v === typeVersion : typeVersion >= 1.3));
        const publicOk = (show.public as unknown[]).includes(parameters.public);
        return versionOk && publicOk;
      });
      const modeProps = (shown?.options as Array<{ name: string; options?: Array<{ value: string }>; displayOptions?: { show?: Record<string, unknown[]> } }>)
        .filter((o) => o.name === 'responseMode')
        .filter((o) => !o.displayOptions?.show?.['/mode'] || o.displayOptions.show['/mode'].includes(parameters.mode));
      return modeProps.flatMap((o) => o.options!.map((x) => x.value));
    };
    expect(modes(1.1, { public: true, mode: 'hostedChat' })).toEqual(['lastNode', 'responseNode']);
    expect(modes(1.2, { public: true, mode: 'hostedChat' })).toEqual(['lastNode', 'responseNode', 'streaming']);
    expect(modes(1.3, { public: true, mode: 'webhook' })).toEqual(['lastNode', 'streaming', 'responseNode']);
    expect(modes(1.3, { public: true, mode: 'hostedChat' })).toEqual(['lastNode', 'streaming', 'responseNodes']);
    expect(modes(1.3, { public: false })).toEqual(['lastNode', 'responseNodes']);
    const resolved = resolveNodeParameters(description, { public: true, options: { responseMode: 'streaming' } }, 1.3) as Record<string, unknown>;
    expect(resolved.options).toEqual({ responseMode: 'streaming' });
  });

  it('takes a Memory sub-node only when previous sessions load from memory', () => {
    const memory = description.subNodeInputs?.find((i) => i.type === 'ai_memory');
    expect(memory?.displayOptions?.show).toEqual({ mode: ['hostedChat', 'webhook'], 'options.loadPreviousSession': ['memory'] });
  });
});
