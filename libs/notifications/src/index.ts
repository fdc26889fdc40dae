export { NotificationsModule } from './notifications.module.js';
export { NotificationsService } from './notifications.service.js';
export { Notification } from './notification.entity.js';

import { Notification } from './notification.entity.js';
export const NOTIFICATIONS_ENTITIES = [Notification];
