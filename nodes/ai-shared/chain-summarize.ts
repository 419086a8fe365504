// The three ways to summarize documents with a model (LangChain's summarization chains): map_reduce
// summarizes each chunk then the summaries, stuff sends them all at once, refine improves a summary
// chunk by chunk. Prompts take {text}; refine's also {existing_answer}.
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { answerText } from './agent-tools-loop.ts';

export const SUMMARY_PROMPT = 'Summarize the text below briefly.\n\n\n"{text}"\n\n\nBRIEF SUMMARY:';
export const REFINE_PROMPT = [
  'Your task is to produce a final summary.',
  'Here is the summary so far: "{existing_answer}"',
  'You may improve it, only where needed, with the extra context below.',
  '------------',
  '"{text}"',
  '------------',
  '',
  'Given the new context, refine the summary. If the context adds nothing useful, give back the summary unchanged.',
  '',
  'REFINED SUMMARY:',
].join('\n');

export type SummarizationMethod = 'map_reduce' | 'stuff' | 'refine';

export interface SummaryPrompts {
  prompt?: string;
  combineMapPrompt?: string;
  refinePrompt?: string;
  refineQuestionPrompt?: string;
}

const fill = (template: string, values: Record<string, string>) => template.replace(/\{(text|existing_answer)\}/g, (_, key: string) => values[key] ?? '');

export async function summarize(model: BaseChatModel, method: SummarizationMethod, texts: string[], prompts: SummaryPrompts, signal: AbortSignal): Promise<Record<string, string>> {
  const ask = async (prompt: string) => answerText(await model.invoke(prompt, { signal }));
  if (method === 'stuff') return { text: await ask(fill(prompts.prompt ?? SUMMARY_PROMPT, { text: texts.join('\n\n') })) };
  if (method === 'refine') {
    let summary = '';
    for (const [index, text] of texts.entries()) {
      summary = index === 0
        ? await ask(fill(prompts.refineQuestionPrompt ?? SUMMARY_PROMPT, { text }))
        : await ask(fill(prompts.refinePrompt ?? REFINE_PROMPT, { text, existing_answer: summary }));
    }
    // LangChain's refine chain answers under output_text; the others under text.
    return { output_text: summary };
  }
  // As LangChain's map-reduce chain: a single chunk skips the map step.
  const summaries: string[] = [];
  if (texts.length === 1) summaries.push(texts[0]);
  else for (const text of texts) summaries.push(await ask(fill(prompts.combineMapPrompt ?? SUMMARY_PROMPT, { text })));
  return { text: await ask(fill(prompts.prompt ?? SUMMARY_PROMPT, { text: summaries.join('\n\n') })) };
}
