export { QueueName } from './queue-name.js';
export { QueueModule, DEFAULT_JOB_OPTIONS } from './queue.module.js';
export { RedisModule, RedisClient } from './redis.module.js';
