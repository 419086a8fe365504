// n8n's messages for failed HTTP requests by status (its NodeApiError wording), shared by the HTTP
// Request node and declarative community nodes.
export const STATUS_MESSAGES: Record<number, string> = {
  400: 'Bad request - please check your parameters',
  401: 'Authorization failed - please check your credentials',
  403: 'Forbidden - perhaps check your credentials?',
  404: 'The resource you are requesting could not be found',
  405: 'Method not allowed - please check you are using the right HTTP method',
  429: 'The service is receiving too many requests from you',
  500: 'The service was not able to process your request',
  502: 'Bad gateway - the service failed to handle your request',
  503: 'Service unavailable - try again later or consider setting this node to retry automatically (in the node settings)',
  504: 'Gateway timed out - perhaps try again later?',
};

/** n8n's NodeApiError wording for a status: its own message, else the one for any 4xx or 5xx. */
export function apiStatusMessage(statusCode: number): string {
  if (STATUS_MESSAGES[statusCode]) return STATUS_MESSAGES[statusCode];
  return statusCode >= 500 ? 'The service failed to process your request' : 'Your request is invalid or could not be processed by the service';
}
