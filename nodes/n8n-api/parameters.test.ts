// getNodeParameter's n8n rules on top of the engine's (resource locators, extractValue) and the
// credential expression resolver used to sign requests.
import { describe, expect, it } from 'vitest';
import { createCredentialEvaluator, evaluateCredentialExpression, extractResourceLocatorValue } from './parameters.ts';

describe('resource locator extractValue', () => {
  const rule = { type: 'regex' as const, regex: 'https://docs\\.example\\.com/d/([0-9a-zA-Z_-]+)' };
  it('takes the first group of the mode regex', () => {
    expect(extractResourceLocatorValue('N', 'doc', { __rl: true, mode: 'url', value: 'https://docs.example.com/d/abc_1/edit' }, rule)).toBe('abc_1');
  });
  it('returns the plain value without a rule', () => {
    expect(extractResourceLocatorValue('N', 'doc', { __rl: true, mode: 'id', value: 'abc' }, undefined)).toBe('abc');
  });
  it('fails clearly when the value does not match', () => {
    expect(() => extractResourceLocatorValue('N', 'doc', { __rl: true, mode: 'url', value: 'https://elsewhere/x' }, rule)).toThrow(/'doc' parameter does not have the form its 'url' mode expects/);
  });
});

describe('credential expressions', () => {
  const creds = { apiKey: 'k-1', nested: { token: 't' }, 'odd-name': 'o' };
  it('resolves a whole expression to the value (not a string)', () => {
    expect(evaluateCredentialExpression('={{$credentials.apiKey}}', creds)).toBe('k-1');
    expect(evaluateCredentialExpression('={{ $credentials.nested }}', creds)).toEqual({ token: 't' });
    expect(evaluateCredentialExpression('={{$credentials["odd-name"]}}', creds)).toBe('o');
  });
  it('fills templates', () => {
    expect(evaluateCredentialExpression('=Bearer {{$credentials.nested.token}}', creds)).toBe('Bearer t');
  });
  it('refuses what it cannot resolve', () => {
    expect(() => evaluateCredentialExpression('={{ $credentials.apiKey.toUpperCase() }}', creds)).toThrow(/Unsupported credential expression/);
  });
});

describe('credential evaluator', () => {
  it('resolves paths directly and other expressions in the sandbox', () => {
    const evaluator = createCredentialEvaluator();
    try {
      expect(evaluator.evaluate('={{$credentials.user}}', { user: 'u' })).toBe('u');
      expect(evaluator.evaluate("={{ $credentials.user + ':' + $credentials.pass.toUpperCase() }}", { user: 'u', pass: 'p' })).toBe('u:P');
    } finally {
      evaluator.dispose();
    }
  });
});
