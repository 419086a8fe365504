// The GraphQL documents n8n's Linear node sends (same fields and variables), in our layout.
const ISSUE_FIELDS = `id title priority archivedAt
  assignee { id displayName }
  state { id name }
  createdAt
  creator { id displayName }
  description dueDate
  cycle { id name }`;

const page = (field: string, filterType?: string) => `query List($first: Int, $after: String${filterType ? `, $filter: ${filterType}` : ''}) {
  ${field}(first: $first, after: $after${filterType ? ', filter: $filter' : ''}) {
    nodes { id name }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const linearQueries = {
  teams: page('teams'),
  users: page('users'),
  states: page('workflowStates', 'WorkflowStateFilter'),
  issueTeam: 'query IssueTeam($issueId: String!) { issue(id: $issueId) { team { id } } }',
  createIssue: `mutation IssueCreate($title: String!, $teamId: String!, $description: String, $assigneeId: String, $priorityId: Int, $stateId: String) {
  issueCreate(input: { title: $title, description: $description, teamId: $teamId, assigneeId: $assigneeId, priority: $priorityId, stateId: $stateId }) {
    success
    issue { ${ISSUE_FIELDS} }
  }
}`,
  updateIssue: `mutation IssueUpdate($issueId: String!, $title: String, $teamId: String, $description: String, $assigneeId: String, $priorityId: Int, $stateId: String) {
  issueUpdate(id: $issueId, input: { title: $title, description: $description, teamId: $teamId, assigneeId: $assigneeId, priority: $priorityId, stateId: $stateId }) {
    success
    issue { ${ISSUE_FIELDS} }
  }
}`,
  deleteIssue: 'mutation IssueDelete($issueId: String!) { issueDelete(id: $issueId) { success } }',
  getIssue: `query Issue($issueId: String!) { issue(id: $issueId) { ${ISSUE_FIELDS} } }`,
  getIssues: `query Issues($first: Int, $after: String) {
  issues(first: $first, after: $after) {
    nodes { ${ISSUE_FIELDS} }
    pageInfo { hasNextPage endCursor }
  }
}`,
  addIssueLink: 'mutation AttachmentLinkURL($url: String!, $issueId: String!) { attachmentLinkURL(url: $url, issueId: $issueId) { success } }',
  addComment: `mutation CommentCreate($issueId: String!, $body: String!, $parentId: String) {
  commentCreate(input: { issueId: $issueId, body: $body, parentId: $parentId }) {
    success
    comment { id body }
  }
}`,
  viewer: 'query Viewer { viewer { id name } }',
};
