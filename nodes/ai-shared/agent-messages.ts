// The messages an agent starts from for one item: system message (with the output parser's
// instructions), the memory's history, the user's message, and the item's images.
import { HumanMessage, SystemMessage, type BaseMessage } from '@langchain/core/messages';
import type { Item } from '../../engine/index.ts';
import { FINAL_RESPONSE_TOOL } from './agent-tools-loop.ts';

export const FINAL_RESPONSE_INSTRUCTIONS =
  `IMPORTANT: give your final answer to the user by calling the \`${FINAL_RESPONSE_TOOL}\` tool, with the answer in the shape its schema asks for. ` +
  'Do not write the JSON in your reply yourself, and call that tool only once you are ready to answer.';

export function agentMessages(options: { systemMessage?: string; withOutputParser: boolean; history: BaseMessage[]; input: string; item: Item | undefined; passthroughBinaryImages: boolean }): BaseMessage[] {
  const messages: BaseMessage[] = [];
  const system = [options.systemMessage, options.withOutputParser ? FINAL_RESPONSE_INSTRUCTIONS : undefined].filter((s) => s !== undefined && s !== '');
  if (system.length > 0) messages.push(new SystemMessage(system.join('\n\n')));
  messages.push(...options.history, new HumanMessage(options.input));
  if (options.passthroughBinaryImages) {
    const blocks = binaryBlocks(options.item);
    if (blocks.length > 0) messages.push(new HumanMessage({ content: blocks as never }));
  }
  return messages;
}

const TEXT_TYPES = new Set(['application/json', 'application/xml', 'application/csv', 'application/x-yaml', 'application/yaml']);

/** The item's images as image_url blocks and its text files as text blocks, as n8n passes them through. */
function binaryBlocks(item: Item | undefined): Array<Record<string, unknown>> {
  const blocks: Array<Record<string, unknown>> = [];
  for (const data of Object.values(item?.binary ?? {})) {
    if (data.mimeType.startsWith('image/')) {
      const url = data.data.startsWith('data:') ? data.data : `data:${data.mimeType};base64,${data.data}`;
      blocks.push({ type: 'image_url', image_url: { url } });
    } else if (data.mimeType.startsWith('text/') || TEXT_TYPES.has(data.mimeType)) {
      blocks.push({ type: 'text', text: `File: ${data.fileName ?? 'attachment'}\nContent:\n${Buffer.from(data.data, 'base64').toString('utf8')}` });
    }
  }
  return blocks;
}
