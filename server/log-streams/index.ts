// Log streaming of the audit log to syslog and webhook destinations (issue 20).
export { createLogStreamService, LOG_STREAMS, type LogStreamService } from './log-stream-service.ts';
export { logStreamRoutes } from './routes.ts';
export { formatSyslog } from './syslog.ts';
export { signature } from './webhook-sender.ts';
