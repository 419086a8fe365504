// What well-known models cost, in US dollars per million tokens (input, output), from the vendors'
// public price lists (late 2026). A model not listed has no cost figure rather than a guessed one.
const PER_MILLION: Record<string, [input: number, output: number]> = {
  'gpt-4o': [2.5, 10],
  'gpt-4o-mini': [0.15, 0.6],
  'gpt-4.1': [2, 8],
  'gpt-4.1-mini': [0.4, 1.6],
  'gpt-4.1-nano': [0.1, 0.4],
  'gpt-5': [1.25, 10],
  'gpt-5-mini': [0.25, 2],
  'gpt-5-nano': [0.05, 0.4],
  'o3-mini': [1.1, 4.4],
  'o4-mini': [1.1, 4.4],
  'gpt-3.5-turbo': [0.5, 1.5],
  'claude-3-5-haiku': [0.8, 4],
  'claude-3-5-sonnet': [3, 15],
  'claude-3-7-sonnet': [3, 15],
  'claude-sonnet-4': [3, 15],
  'claude-opus-4': [15, 75],
  'gemini-2.0-flash': [0.1, 0.4],
  'gemini-2.5-flash': [0.3, 2.5],
  'gemini-2.5-pro': [1.25, 10],
  'deepseek-chat': [0.27, 1.1],
  'deepseek-reasoner': [0.55, 2.19],
  'mistral-large-latest': [2, 6],
  'mistral-small-latest': [0.2, 0.6],
};

/** The price of one call in dollars (to a billionth: small calls cost millionths), or undefined for a model whose price is not known. Dated ids match their family. */
export function costUsd(model: string, promptTokens: number, completionTokens: number): number | undefined {
  const name = model.replace(/^models\//, '').toLowerCase();
  const key = Object.keys(PER_MILLION).filter((k) => name === k || name.startsWith(`${k}-`)).sort((a, b) => b.length - a.length)[0];
  if (!key) return undefined;
  const [input, output] = PER_MILLION[key];
  return Math.round((promptTokens * input + completionTokens * output) * 1000) / 1e9;
}
