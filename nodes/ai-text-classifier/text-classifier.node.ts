// Text Classifier (@n8n/n8n-nodes-langchain.textClassifier v1–1.1): the model marks which categories
// a text has; each item goes out on the output of every category marked (and 'Other' when asked).
import { z } from 'zod';
import { NodeOperationError, type Item, type NodeProperty, type NodeType } from '../../engine/index.ts';
import { batchingOption } from '../ai-shared/chain-descriptions.ts';
import { structuredPerItem } from '../ai-shared/chain-structured-node.ts';

export const CLASSIFIER_SYSTEM_PROMPT =
  'Sort the text the user gives you into the following categories: {categories}. Follow the formatting instructions below, give no explanation, and answer with the JSON only.';

interface Category { category: string; description?: string }
interface Options { multiClass?: boolean; fallback?: 'discard' | 'other'; systemPromptTemplate?: string; enableAutoFixing?: boolean }

const categoriesOf = (parameters: Record<string, unknown>): Category[] => ((parameters.categories as { categories?: Category[] } | undefined)?.categories ?? []);
const fallbackOf = (parameters: Record<string, unknown>): string => String((parameters.options as Options | undefined)?.fallback ?? 'discard');

const properties: NodeProperty[] = [
  { displayName: 'Text to Classify', name: 'inputText', type: 'string', required: true, default: '', description: 'Use an expression to reference data in previous nodes or enter static text', typeOptions: { rows: 2 } },
  {
    displayName: 'Categories', name: 'categories', placeholder: 'Add Category', type: 'fixedCollection', default: {}, typeOptions: { multipleValues: true },
    options: [{ name: 'categories', displayName: 'Categories', values: [
      { displayName: 'Category', name: 'category', type: 'string', default: '', description: 'Category to add', required: true },
      { displayName: 'Description', name: 'description', type: 'string', default: '', description: "Describe your category if it's not obvious" },
    ] }],
  },
  {
    displayName: 'Options', name: 'options', type: 'collection', default: {}, placeholder: 'Add Option',
    options: [
      { displayName: 'Allow Multiple Classes To Be True', name: 'multiClass', type: 'boolean', default: false },
      { displayName: 'When No Clear Match', name: 'fallback', type: 'options', default: 'discard', description: 'What to do with items that don’t match the categories exactly', options: [
        { name: 'Discard Item', value: 'discard', description: 'Ignore the item and drop it from the output' },
        { name: "Output on Extra, 'Other' Branch", value: 'other', description: "Create a separate output branch called 'Other'" },
      ] },
      { displayName: 'System Prompt Template', name: 'systemPromptTemplate', type: 'string', default: CLASSIFIER_SYSTEM_PROMPT, description: 'String to use directly as the system prompt template', typeOptions: { rows: 6 } },
      { displayName: 'Enable Auto-Fixing', name: 'enableAutoFixing', type: 'boolean', default: true, description: 'Whether to enable auto-fixing (may trigger an additional LLM call if output is broken)' },
      batchingOption({ show: { '@version': [{ _cnd: { gte: 1.1 } }] } }),
    ],
  },
];

export const textClassifierNode: NodeType = {
  description: {
    name: '@n8n/n8n-nodes-langchain.textClassifier',
    displayName: 'Text Classifier',
    icon: 'fa:tags',
    group: ['transform'],
    version: [1, 1.1],
    description: 'Classify your text into distinct categories',
    defaults: { name: 'Text Classifier' },
    inputs: ['main'],
    outputs: ['main'],
    outputsFor: (parameters) => [...categoriesOf(parameters).map(() => 'main'), ...(fallbackOf(parameters) === 'other' ? ['main'] : [])],
    subNodeInputs: [{ type: 'ai_languageModel', displayName: 'Model', required: true, maxConnections: 1 }],
    properties,
  },
  async execute(ctx) {
    const categories = (ctx.getNodeParameter('categories.categories', 0, []) ?? []) as Category[];
    if (categories.length === 0) throw new NodeOperationError(ctx.node.name, 'At least one category must be defined');
    const options = (ctx.getNodeParameter('options', 0, {}) ?? {}) as Options;
    const fallback = options.fallback ?? 'discard';
    const entries: Array<[string, z.ZodType]> = categories.map((c) => [c.category, z.boolean().describe(`Should be true if the input has category "${c.category}" (description: ${c.description ?? ''})`)]);
    if (fallback === 'other') entries.push(['fallback', z.boolean().describe('Should be true if none of the other categories apply')]);
    const exclusivity = options.multiClass ? 'Categories are not mutually exclusive, and multiple can be true' : 'Categories are mutually exclusive, and only one can be true';
    const noMatch = fallback === 'other' ? 'If no categories apply, select the "fallback" option.' : 'If there is not a very fitting category, select none of the categories.';
    const template = options.systemPromptTemplate ?? CLASSIFIER_SYSTEM_PROMPT;
    const items = ctx.getInputData();
    const outcomes = await structuredPerItem(ctx, {
      schema: z.object(Object.fromEntries(entries)) as z.ZodType<Record<string, boolean>>,
      systemPrompt: `${template.replaceAll('{categories}', categories.map((c) => c.category).join(', '))}\n${exclusivity}\n${noMatch}`,
      text: (i) => {
        const text = ctx.getNodeParameter('inputText', i, '');
        if (text === undefined || text === null || text === '') throw new NodeOperationError(ctx.node.name, `Text to classify for item ${i} is not defined`, { itemIndex: i });
        return String(text);
      },
      autoFix: options.enableAutoFixing ?? true,
    });
    const outputs: Item[][] = Array.from({ length: categories.length + (fallback === 'other' ? 1 : 0) }, () => []);
    outcomes.forEach((outcome, i) => {
      if (!outcome.ok) return void outputs[0].push({ json: { error: outcome.error }, pairedItem: { item: i } });
      const item = { ...items[i], pairedItem: { item: i } };
      categories.forEach((c, index) => { if (outcome.value[c.category]) outputs[index].push(item); });
      if (fallback === 'other' && outcome.value.fallback) outputs[outputs.length - 1].push(item);
    });
    return outputs;
  },
};
