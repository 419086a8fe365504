// The nodes: the registry of built-in and community node types (registry.ts), n8n's community node
// API (n8n-api/), and what the server needs of the trigger nodes to arm them.
import {
  canTestN8nCredential, hasNodeCredentialTest, registerCredentialTypes as registerN8nCredentialTypes, testN8nCredential,
  unregisterCredentialTypes, type LoadedPackage, type N8nCredentialType,
} from './n8n-api/index.ts';
import { packageNodeTypes, registerNodeTypes, unregisterNodeTypes } from './registry.ts';
export {
  nodeDescription, nodeDescriptions, loadNodeType, loadNodeTypes, getNodeType, loadedNodeModules, loadTriggerNodeTypes, triggerNodeType,
  registerNodeTypes, registeredPackages, builtInNodeIcon, BUILT_IN_PACKAGE,
} from './registry.ts';
export { buildNodeCatalog, serializeCatalog, nodeFolderName, descriptionData, type NodeCatalog, type NodeDescriptionData } from './catalog.ts';
export { triggerSchedules, pollTimesSchedules, nextCronTime, isDueTick, ScheduleRuleError, type TriggerSchedule } from './schedule-trigger/schedule-rules.ts';
export { scheduleTriggerItem } from './schedule-trigger/schedule-item.ts';
export type { WebhookResponse, WebhookResponseBody } from './respond-to-webhook/webhook-response.ts';
export { closeSharedClients } from './shared/shared-clients.ts';
export { mayUseStaticData } from './static-data-users.ts';
export { answerSendAndWaitCall, isSendAndWaitNode, NO_ACTION_REQUIRED_PAGE, type SendAndWaitAnswer } from './shared/send-and-wait/send-and-wait-resume.ts';
export { answerWaitingFormCall, waitsForForm, type WaitingFormAnswer } from './shared/form-page/index.ts';
export { answerFormNodeCall, formEndingAnswer, formPagesFollow, formTriggerDefaults, FORM_ENDING_KEY, FORM_NODE_TYPE, type FormEndingAnswer } from './shared/form-page/index.ts';

type Check<F extends (...args: never[]) => Promise<void>> = (...args: Parameters<F>) => Promise<void>;
/**
 * Connection checks of node folders for the credential tests, imported only when one runs: their
 * client libraries must not load with the registry (see registry.ts).
 */
export const checkRemoteFiles: Check<typeof import('./ftp/remote-files.ts').checkRemoteFiles> = async (...args) => (await import('./ftp/remote-files.ts')).checkRemoteFiles(...args);
export const checkSshConnection: Check<typeof import('./ssh/ssh-connection.ts').checkSshConnection> = async (...args) => (await import('./ssh/ssh-connection.ts')).checkSshConnection(...args);
export const checkRabbitConnection: Check<typeof import('./rabbitmq/rabbitmq-connection.ts').checkRabbitConnection> = async (...args) => (await import('./rabbitmq/rabbitmq-connection.ts')).checkRabbitConnection(...args);
export const checkMongoConnection: Check<typeof import('./mongo-db/mongo-db-client.ts').checkMongoConnection> = async (...args) => (await import('./mongo-db/mongo-db-client.ts')).checkMongoConnection(...args);
export const checkMqttConnection: Check<typeof import('./mqtt/mqtt-client.ts').checkMqttConnection> = async (...args) => (await import('./mqtt/mqtt-client.ts')).checkMqttConnection(...args);
type ServiceTest = (data: Record<string, unknown>, timeoutMs: number, blockPrivateNetworks: boolean) => Promise<string>;
/**
 * Credential tests that ask the service itself (who the token belongs to), by credential type,
 * answering a success message or throwing a readable error; each imports its node folder only when run.
 */
export const serviceCredentialTests: Record<string, ServiceTest> = {
  telegramApi: async (d, t, b) => (await import('./telegram/telegram-credential-test.ts')).testTelegramCredential(d, t, b),
  slackApi: async (d, t, b) => (await import('./slack/slack-credential-test.ts')).testSlackApiCredential(d, t, { blockPrivateNetworks: b }),
  airtableTokenApi: async (d, t, b) => (await import('./airtable/airtable-credential-test.ts')).testAirtableTokenCredential(d, t, { blockPrivateNetworks: b }),
  notionApi: async (d, t, b) => (await import('./notion/notion-credential-test.ts')).testNotionCredential(d, t, { blockPrivateNetworks: b }),
  openAiApi: async (d, t, b) => (await import('./open-ai/open-ai-credential-test.ts')).testOpenAiCredential(d, t, b),
  supabaseApi: async (d, t, b) => (await import('./supabase/supabase-credential-test.ts')).testSupabaseCredential(d, t, b),
  googleApi: async (d, t, b) => (await import('./google-shared/google-credential-test.ts')).testGoogleApiCredential(d, t, { blockPrivateNetworks: b }),
  githubApi: async (d, t, b) => (await import('./github/github-credential-test.ts')).testGithubCredential(d, t, b),
  discordBotApi: async (d, t, b) => (await import('./discord/discord-credential-test.ts')).testDiscordBotCredential(d, t, { blockPrivateNetworks: b }),
  discordWebhookApi: async (d, t, b) => (await import('./discord/discord-credential-test.ts')).testDiscordWebhookCredential(d, t, { blockPrivateNetworks: b }),
  googleDriveOAuth2Api: async (d, t, b) => (await import('./google-drive/google-oauth-credential-test.ts')).testGoogleOAuth2Credential(d, t, { blockPrivateNetworks: b }),
  googleDocsOAuth2Api: async (d, t, b) => (await import('./google-drive/google-oauth-credential-test.ts')).testGoogleOAuth2Credential(d, t, { blockPrivateNetworks: b }),
  googleSheetsTriggerOAuth2Api: async (d, t, b) => (await import('./google-drive/google-oauth-credential-test.ts')).testGoogleOAuth2Credential(d, t, { blockPrivateNetworks: b }),
  gmailOAuth2: async (d, t, b) => (await import('./gmail/gmail-credential-test.ts')).testGmailOAuth2Credential(d, t, { blockPrivateNetworks: b }),
  googleCalendarOAuth2Api: async (d, t, b) => (await import('./google-calendar/google-calendar-credential-test.ts')).testGoogleCalendarOAuth2Credential(d, t, { blockPrivateNetworks: b }),
  twilioApi: async (d, t, b) => (await import('./twilio/twilio-credential-test.ts')).testTwilioCredential(d, t, { blockPrivateNetworks: b }),
  wordpressApi: async (d, t, b) => (await import('./wordpress/wordpress-credential-test.ts')).testWordpressCredential(d, t, { blockPrivateNetworks: b }),
  whatsAppApi: async (d, t, b) => (await import('./whats-app/whats-app-credential-test.ts')).testWhatsAppCredential(d, t, { blockPrivateNetworks: b }),
  linkedInOAuth2Api: async (d, t, b) => (await import('./linked-in/linked-in-credential-test.ts')).testLinkedInCredential(d, t, { blockPrivateNetworks: b }),
  linkedInCommunityManagementOAuth2Api: async (d, t, b) => (await import('./linked-in/linked-in-credential-test.ts')).testLinkedInCredential(d, t, { blockPrivateNetworks: b, useMe: true }),
  twitterOAuth2Api: async (d, t, b) => (await import('./twitter/twitter-credential-test.ts')).testTwitterOAuth2Credential(d, t, { blockPrivateNetworks: b }),
  twitterOAuth1Api: async (d, t, b) => (await import('./twitter/twitter-credential-test.ts')).testTwitterOAuth1Credential(d, t, { blockPrivateNetworks: b }),
  youTubeOAuth2Api: async (d, t, b) => (await import('./you-tube/you-tube-credential-test.ts')).testYouTubeOAuth2Credential(d, t, { blockPrivateNetworks: b }),
  googleAnalyticsOAuth2: async (d, t, b) => (await import('./google-analytics/google-analytics-credential-test.ts')).testGoogleAnalyticsOAuth2Credential(d, t, { blockPrivateNetworks: b }),
  googleCloudNaturalLanguageOAuth2Api: async (d, t, b) => (await import('./google-cloud-natural-language/google-cloud-natural-language-credential-test.ts')).testGoogleCloudNaturalLanguageOAuth2Credential(d, t, { blockPrivateNetworks: b }),
  typeformApi: async (d, t, b) => (await import('./typeform-trigger/typeform-credential-test.ts')).testTypeformCredential(d, t, { blockPrivateNetworks: b }),
  linearApi: async (d, t, b) => (await import('./linear/linear-credential-test.ts')).testLinearCredential(d, t, { blockPrivateNetworks: b }),
  pipedriveApi: async (d, t, b) => (await import('./pipedrive/pipedrive-credential-test.ts')).testPipedriveCredential(d, t, { blockPrivateNetworks: b }),
  jiraSoftwareCloudApi: async (d, t, b) => (await import('./jira/jira-credential-test.ts')).testJiraCredential('cloud', d, t, { blockPrivateNetworks: b }),
  jiraSoftwareServerApi: async (d, t, b) => (await import('./jira/jira-credential-test.ts')).testJiraCredential('server', d, t, { blockPrivateNetworks: b }),
  jiraSoftwareServerPatApi: async (d, t, b) => (await import('./jira/jira-credential-test.ts')).testJiraCredential('serverPat', d, t, { blockPrivateNetworks: b }),
  dropboxApi: async (d, t, b) => (await import('./dropbox/dropbox-credential-test.ts')).testDropboxCredential(d, t, { blockPrivateNetworks: b }),
  baserowApi: async (d, t, b) => (await import('./baserow/baserow-credential-test.ts')).testBaserowCredential(d, t, { blockPrivateNetworks: b }),
  hubspotApi: async (d, t, b) => (await import('./hubspot/hubspot-credential-test.ts')).testHubspotCredential('hubspotApi', d, t, { blockPrivateNetworks: b }),
  hubspotAppToken: async (d, t, b) => (await import('./hubspot/hubspot-credential-test.ts')).testHubspotCredential('hubspotAppToken', d, t, { blockPrivateNetworks: b }),
  whatsAppTriggerApi: async (d, t, b) => (await import('./whats-app-trigger/whats-app-trigger-credential-test.ts')).testWhatsAppTriggerCredential(d, t, { blockPrivateNetworks: b }),
  facebookGraphApi: async (d, t, b) => (await import('./facebook-graph-api/facebook-graph-api-credential-test.ts')).testFacebookGraphCredential(d, t, { blockPrivateNetworks: b }),
  jotFormApi: async (d, t, b) => (await import('./jot-form-trigger/jot-form-credential-test.ts')).testJotFormCredential(d, t, { blockPrivateNetworks: b }),
  trelloApi: async (d, t, b) => (await import('./trello/trello-credential-test.ts')).testTrelloApiCredential(d, t, { blockPrivateNetworks: b }),
  zendeskApi: async (d, t, b) => (await import('./zendesk/zendesk-credential-test.ts')).testZendeskApiCredential(d, t, { blockPrivateNetworks: b }),
  clickUpApi: async (d, t, b) => (await import('./click-up/click-up-credential-test.ts')).testClickUpApiCredential(d, t, { blockPrivateNetworks: b }),
  nocoDb: async (d, t, b) => (await import('./noco-db/noco-db-credential-test.ts')).testNocoDbCredential('nocoDb', d, t, { blockPrivateNetworks: b }),
  nocoDbApiToken: async (d, t, b) => (await import('./noco-db/noco-db-credential-test.ts')).testNocoDbCredential('nocoDbApiToken', d, t, { blockPrivateNetworks: b }),
  stripeApi: async (d, t, b) => (await import('./stripe-trigger/stripe-credential-test.ts')).testStripeCredential(d, t, { blockPrivateNetworks: b }),
  calendlyApi: async (d, t, b) => (await import('./calendly-trigger/calendly-credential-test.ts')).testCalendlyCredential(d, t, { blockPrivateNetworks: b }),
  mattermostApi: async (d, t, b) => (await import('./mattermost/mattermost-credential-test.ts')).testMattermostCredential(d, t, { blockPrivateNetworks: b }),
  anthropicApi: async (d, t, b) => (await import('./ai-shared/chat-model-credential-tests.ts')).testAnthropicCredential(d, t, b),
  googlePalmApi: async (d, t, b) => (await import('./ai-shared/chat-model-credential-tests.ts')).testGooglePalmCredential(d, t, b),
  ollamaApi: async (d, t, b) => (await import('./ai-shared/chat-model-credential-tests.ts')).testOllamaCredential(d, t, b),
  mistralCloudApi: async (d, t, b) => (await import('./ai-shared/chat-model-credential-tests.ts')).testMistralCloudCredential(d, t, b),
  groqApi: async (d, t, b) => (await import('./ai-shared/chat-model-credential-tests.ts')).testGroqCredential(d, t, b),
  deepSeekApi: async (d, t, b) => (await import('./ai-shared/chat-model-credential-tests.ts')).testDeepSeekCredential(d, t, b),
  openRouterApi: async (d, t, b) => (await import('./ai-shared/chat-model-credential-tests.ts')).testOpenRouterCredential(d, t, b),
  azureOpenAiApi: async (d, t, b) => (await import('./ai-shared/chat-model-credential-tests.ts')).testAzureOpenAiCredential(d, t, b),
};

/** Removes every type a package registered, credential types included; returns whether it had any. */
export function unregisterPackage(packageName: string): boolean {
  unregisterCredentialTypes(packageName);
  return unregisterNodeTypes(packageName);
}

export { runNodeMethod } from './node-methods.ts';
export { EVALUATION_NODE_TYPE, EVALUATION_TRIGGER_TYPE } from './shared/evaluation-types.ts';
export { DatasetError, readDataset, type DatasetParameters } from './shared/evaluation-dataset.ts';
export {
  loadN8nPackages, installN8nWorkflowShim, type LoadedPackage, type LoadedPackages,
  type N8nCredentialType, type N8nNodeDescription, type N8nHttpRequestOptions,
  registeredN8nCredentialType, NodeMethodError,
  type NodeMethodCall, type NodeMethodEnv, type NodeMethodKind, type NodeMethodResult,
} from './n8n-api/index.ts';

/**
 * Makes a package's credential types known to the vault while it is loaded (see
 * n8n-api/credential-types.ts); call it after registerNodeTypes for the same package, whose
 * registering and unregisterPackage drop them again. Throws when a type cannot be registered.
 */
export function registerCredentialTypes(packageName: string, types: readonly N8nCredentialType[]): void {
  registerN8nCredentialTypes(packageName, types, (name) => hasNodeCredentialTest(name, packageNodeTypes()));
}

/** Whether a package credential type has a test (its own request, or a registered node's). */
export function canTestPackageCredential(typeName: string): boolean {
  return canTestN8nCredential(typeName, packageNodeTypes());
}

/** Tests a package credential (see testN8nCredential); undefined when it is not one or has no test. */
export function testPackageCredential(typeName: string, data: Record<string, unknown>, options: { blockPrivateNetworks: boolean }) {
  return testN8nCredential(typeName, data, packageNodeTypes(), options);
}

/** Registers a loaded package's node types and then its credential types (one call for loaders). */
export function registerLoadedPackage(pkg: Pick<LoadedPackage, 'name' | 'nodes' | 'credentialTypes'>): void {
  registerNodeTypes(pkg.name, pkg.nodes);
  try {
    registerCredentialTypes(pkg.name, pkg.credentialTypes);
  } catch (error) {
    unregisterPackage(pkg.name); // all or nothing: nodes without their credential types cannot run
    throw error;
  }
}
export { oauth1Authorization, type OAuth1Keys, type OAuth1Request } from './shared/oauth1.ts';
/** Test support: a local stand-in for the LLM providers' APIs (server and editor tests of AI runs), loaded when asked for. */
export type LlmStandIn = import('./ai-shared/testing/llm-stand-in.ts').LlmStandIn;
export const startLlmStandIn = async (): Promise<LlmStandIn> => (await import('./ai-shared/testing/llm-stand-in.ts')).startLlmStandIn();
/** Test support: local stand-ins for Slack's Web API and Telegram's Bot API (server tests of Send and Wait), loaded when asked for. */
export type SlackStandIn = import('./slack/slack-stand-in.ts').SlackStandIn;
export const startSlackStandIn = async (): Promise<SlackStandIn> => (await import('./slack/slack-stand-in.ts')).startSlackStandIn();
export type TelegramStandIn = import('./telegram/telegram-test-server.ts').TelegramStandIn;
export const startTelegramStandIn = async (): Promise<TelegramStandIn> => (await import('./telegram/telegram-test-server.ts')).startTelegramStandIn();
/** Test support: the Microsoft Graph stand-in of the Teams nodes (server tests of the Teams Trigger), loaded when asked for. */
export type TeamsStandIn = import('./microsoft-teams/microsoft-teams-stand-in.ts').TeamsStandIn;
export type TeamsStandInOptions = import('./microsoft-teams/microsoft-teams-stand-in.ts').TeamsStandInOptions;
export const startTeamsStandIn = async (options?: TeamsStandInOptions): Promise<TeamsStandIn> => (await import('./microsoft-teams/microsoft-teams-stand-in.ts')).startTeamsStandIn(options);
