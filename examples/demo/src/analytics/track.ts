// Product events go through Segment (ADR-0005). Before the data team existed they were posted to
// our own GraphQL mutation (ADR-0003); keep that path only until every client ships the new SDK.
export function track(event: string, properties: Record<string, unknown>): void {
  analytics.track(event, properties);
}

declare const analytics: { track(event: string, properties: Record<string, unknown>): void };
