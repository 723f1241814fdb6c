// Message keys of the webhooks namespace for values that contain dots (event types): next-intl
// keys may not contain dots, so "application.status_changed" → "events.applicationStatusChanged".

export function webhookEventKey(type: string): string {
  return `events.${type.replace(/[._]([a-z])/g, (_, c: string) => c.toUpperCase())}`;
}
