// Sentiment Analysis (@n8n/n8n-nodes-langchain.sentimentAnalysis v1–1.1): the model picks one of the
// categories for a text; the item goes out on that category's output with `sentimentAnalysis` added.
import { z } from 'zod';
import { NodeOperationError, type Item, type NodeProperty, type NodeType } from '../../engine/index.ts';
import { batchingOption } from '../ai-shared/chain-descriptions.ts';
import { structuredPerItem } from '../ai-shared/chain-structured-node.ts';

export const DEFAULT_CATEGORIES = 'Positive, Neutral, Negative';
export const SENTIMENT_SYSTEM_PROMPT =
  'You analyze sentiment carefully and accurately. Read the text you are given and put it in exactly one of these categories: {categories}. Follow the formatting instructions below and answer with the JSON only.';

interface Options { categories?: string; systemPromptTemplate?: string; includeDetailedResults?: boolean; enableAutoFixing?: boolean }

const categoryList = (text: string | undefined): string[] => (text ?? DEFAULT_CATEGORIES).split(',').map((c) => c.trim()).filter((c) => c !== '');

const properties: NodeProperty[] = [
  { displayName: 'Text to Analyze', name: 'inputText', type: 'string', required: true, default: '', description: 'Use an expression to reference data in previous nodes or enter static text', typeOptions: { rows: 2 } },
  { displayName: 'Sentiment scores are LLM-generated estimates, not statistically rigorous measurements. They may be inconsistent across runs and should be used as rough indicators only.', name: 'detailedResultsNotice', type: 'notice', default: '', displayOptions: { show: { '/options.includeDetailedResults': [true] } } },
  {
    displayName: 'Options', name: 'options', type: 'collection', default: {}, placeholder: 'Add Option',
    options: [
      { displayName: 'Sentiment Categories', name: 'categories', type: 'string', default: DEFAULT_CATEGORIES, description: 'A comma-separated list of categories to analyze', noDataExpression: true, typeOptions: { rows: 2 } },
      { displayName: 'System Prompt Template', name: 'systemPromptTemplate', type: 'string', default: SENTIMENT_SYSTEM_PROMPT, description: 'String to use directly as the system prompt template', typeOptions: { rows: 6 } },
      { displayName: 'Include Detailed Results', name: 'includeDetailedResults', type: 'boolean', default: false, description: 'Whether to include sentiment strength and confidence scores in the output' },
      { displayName: 'Enable Auto-Fixing', name: 'enableAutoFixing', type: 'boolean', default: true, description: 'Whether to enable auto-fixing (may trigger an additional LLM call if output is broken)' },
      batchingOption({ show: { '@version': [{ _cnd: { gte: 1.1 } }] } }),
    ],
  },
];

export const sentimentAnalysisNode: NodeType = {
  description: {
    name: '@n8n/n8n-nodes-langchain.sentimentAnalysis',
    displayName: 'Sentiment Analysis',
    icon: 'fa:balance-scale-left',
    group: ['transform'],
    version: [1, 1.1],
    description: 'Analyze the sentiment of your text',
    defaults: { name: 'Sentiment Analysis' },
    inputs: ['main'],
    outputs: ['main', 'main', 'main'],
    outputsFor: (parameters) => categoryList((parameters.options as Options | undefined)?.categories).map(() => 'main'),
    subNodeInputs: [{ type: 'ai_languageModel', displayName: 'Model', required: true, maxConnections: 1 }],
    properties,
  },
  async execute(ctx) {
    const options = (ctx.getNodeParameter('options', 0, {}) ?? {}) as Options;
    const categories = categoryList(options.categories);
    if (categories.length === 0) throw new NodeOperationError(ctx.node.name, 'No sentiment categories provided');
    const schema = z.object({
      sentiment: z.enum(categories as [string, ...string[]]),
      strength: z.number().min(0).max(1).describe('Strength score of the sentiment (0-1)'),
      confidence: z.number().min(0).max(1).describe('Confidence score of the sentiment (0-1)'),
    });
    const detailed = options.includeDetailedResults ?? false;
    const template = options.systemPromptTemplate ?? SENTIMENT_SYSTEM_PROMPT;
    const items = ctx.getInputData();
    const outcomes = await structuredPerItem(ctx, {
      schema,
      systemPrompt: `${template.replaceAll('{categories}', categories.join(', '))}${detailed ? '\nAlso give the strength of the sentiment and your confidence, each from 0 to 1.' : ''}`,
      text: (i) => {
        const text = ctx.getNodeParameter('inputText', i, '');
        if (text === undefined || text === null || text === '') throw new NodeOperationError(ctx.node.name, `Text to analyze for item ${i} is not defined`, { itemIndex: i });
        return String(text);
      },
      autoFix: options.enableAutoFixing ?? true,
    });
    const outputs: Item[][] = categories.map(() => []);
    outcomes.forEach((outcome, i) => {
      if (!outcome.ok) return void outputs[0].push({ json: { error: outcome.error }, pairedItem: { item: i } });
      const index = categories.findIndex((c) => c.toLowerCase() === outcome.value.sentiment.toLowerCase());
      if (index === -1) return;
      const sentimentAnalysis: Record<string, unknown> = { category: outcome.value.sentiment };
      if (detailed) Object.assign(sentimentAnalysis, { strength: outcome.value.strength, confidence: outcome.value.confidence });
      outputs[index].push({ ...items[i], json: { ...items[i].json, sentimentAnalysis }, pairedItem: { item: i } });
    });
    return outputs;
  },
};
