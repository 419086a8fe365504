// Typeform Trigger's parameters (n8n-nodes-base.typeformTrigger v1, v1.1): n8n's names, types and
// defaults; the descriptions are our own words.
import type { NodeCredentialDescription, NodeProperty } from '../../engine/index.ts';

export const typeformTriggerProperties: NodeProperty[] = [
  {
    displayName: 'Authentication', name: 'authentication', type: 'options',
    options: [{ name: 'Access Token', value: 'accessToken' }, { name: 'OAuth2', value: 'oAuth2' }], default: 'accessToken',
  },
  {
    displayName: 'Form Name or ID', name: 'formId', type: 'options', typeOptions: { loadOptionsMethod: 'getForms' }, options: [], default: '', required: true,
    description: 'The form whose submissions start the workflow. Choose from the list, or give an ID with an expression.',
  },
  {
    displayName: 'Simplify Answers', name: 'simplifyAnswers', type: 'boolean', default: true,
    description: 'Whether to turn the answers into "field title": answer pairs',
  },
  {
    displayName: 'Only Answers', name: 'onlyAnswers', type: 'boolean', default: true,
    description: 'Whether to output only the answers, without the rest of the delivery',
  },
];

export const typeformCredentials: NodeCredentialDescription[] = [
  { name: 'typeformApi', required: true, displayOptions: { show: { authentication: ['accessToken'] } } },
  { name: 'typeformOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
];
