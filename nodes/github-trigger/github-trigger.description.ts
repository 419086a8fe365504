// GitHub Trigger's parameters (n8n-nodes-base.githubTrigger v1): n8n's names, types, defaults and
// event values; the descriptions are our own words.
import type { NodeProperty } from '../../engine/index.ts';

const EVENTS: Array<[string, string]> = [
  ['*', '*'], ['Check Run', 'check_run'], ['Check Suite', 'check_suite'], ['Commit Comment', 'commit_comment'], ['Content Reference', 'content_reference'],
  ['Create', 'create'], ['Delete', 'delete'], ['Deploy Key', 'deploy_key'], ['Deployment', 'deployment'], ['Deployment Status', 'deployment_status'],
  ['Fork', 'fork'], ['Github App Authorization', 'github_app_authorization'], ['Gollum', 'gollum'], ['Installation', 'installation'],
  ['Installation Repositories', 'installation_repositories'], ['Issue Comment', 'issue_comment'], ['Issues', 'issues'], ['Label', 'label'],
  ['Marketplace Purchase', 'marketplace_purchase'], ['Member', 'member'], ['Membership', 'membership'], ['Meta', 'meta'], ['Milestone', 'milestone'],
  ['Org Block', 'org_block'], ['Organization', 'organization'], ['Page Build', 'page_build'], ['Project', 'project'], ['Project Card', 'project_card'],
  ['Project Column', 'project_column'], ['Public', 'public'], ['Pull Request', 'pull_request'], ['Pull Request Review', 'pull_request_review'],
  ['Pull Request Review Comment', 'pull_request_review_comment'], ['Push', 'push'], ['Release', 'release'], ['Repository', 'repository'],
  ['Repository Import', 'repository_import'], ['Repository Vulnerability Alert', 'repository_vulnerability_alert'], ['Security Advisory', 'security_advisory'],
  ['Star', 'star'], ['Status', 'status'], ['Team', 'team'], ['Team Add', 'team_add'], ['Watch', 'watch'],
];

export const githubTriggerProperties: NodeProperty[] = [
  { displayName: 'Authentication', name: 'authentication', type: 'options', options: [{ name: 'Access Token', value: 'accessToken' }, { name: 'OAuth2', value: 'oAuth2' }], default: 'accessToken' },
  {
    displayName: 'Repository Owner', name: 'owner', type: 'resourceLocator', default: { mode: 'list', value: '' }, required: true,
    modes: [
      { displayName: 'Repository Owner', name: 'list', type: 'list', placeholder: 'Select an owner...', typeOptions: { searchListMethod: 'getUsers', searchable: true, searchFilterRequired: true } },
      { displayName: 'Link', name: 'url', type: 'string', placeholder: 'e.g. https://github.com/n8n-io' },
      { displayName: 'By Name', name: 'name', type: 'string', placeholder: 'e.g. n8n-io' },
    ],
  },
  {
    displayName: 'Repository Name', name: 'repository', type: 'resourceLocator', default: { mode: 'list', value: '' }, required: true,
    modes: [
      { displayName: 'Repository Name', name: 'list', type: 'list', placeholder: 'Select an Repository...', typeOptions: { searchListMethod: 'getRepositories', searchable: true } },
      { displayName: 'Link', name: 'url', type: 'string', placeholder: 'e.g. https://github.com/n8n-io/n8n' },
      { displayName: 'By Name', name: 'name', type: 'string', placeholder: 'e.g. n8n' },
    ],
  },
  {
    displayName: 'Events', name: 'events', type: 'multiOptions', required: true, default: [], description: 'The repository events that start the workflow',
    options: EVENTS.map(([name, value]) => ({ name, value })),
  },
  {
    displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {},
    options: [{ displayName: 'Insecure SSL', name: 'insecureSSL', type: 'boolean', default: false, description: 'Whether GitHub may deliver to this URL without checking its TLS certificate' }],
  },
];
