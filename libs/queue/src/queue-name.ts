/** Every BullMQ queue of the product. Producers and processors name queues only through this enum. */
export enum QueueName {
  Ingest = 'ingest',
  Routing = 'routing',
  Sla = 'sla',
  Outbound = 'outbound',
  Committee = 'committee',
  Surveys = 'surveys',
  Maintenance = 'maintenance',
  Twilio = 'twilio',
}
