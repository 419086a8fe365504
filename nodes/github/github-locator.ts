// The value of GitHub's resource locators (owner, repository, workflow, ref): a plain string from
// workflows saved before v1.1, or `{__rl, mode, value}` where a Link is cut down to the part n8n's
// extractValue regex takes (the owner, or the repository, of https://github.com/<owner>/<repo>).
const FROM_URL: Record<string, RegExp> = {
  owner: /https:\/\/(?:[^/]+)\/([-_0-9a-zA-Z]+)/,
  repository: /https:\/\/(?:[^/]+)\/(?:[-_0-9a-zA-Z]+)\/([-_.0-9a-zA-Z]+)/,
};

export function locatorValue(name: string, raw: unknown): string {
  if (raw && typeof raw === 'object' && 'value' in raw) {
    const { mode, value } = raw as { mode?: unknown; value?: unknown };
    const text = value === undefined || value === null ? '' : String(value);
    const pattern = FROM_URL[name];
    if (mode === 'url' && pattern) return pattern.exec(text)?.[1] ?? text;
    return text;
  }
  return raw === undefined || raw === null ? '' : String(raw);
}
