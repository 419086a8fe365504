// Notifications of run and workflow events through email, chat webhooks, a signed webhook and the in-app bell (issue 19).
export { createNotifications, type Notifications } from './notifications.ts';
export { notificationRoutes } from './routes.ts';
export { attachNotificationSockets } from './socket.ts';
