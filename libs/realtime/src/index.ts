export { RealtimeModule } from './realtime.module.js';
export { RealtimePublisher } from './realtime.publisher.js';
export { REALTIME_EVENT_TYPES, REALTIME_CHANNEL, type RealtimeEvent, type RealtimeEventType } from './realtime-event.js';
