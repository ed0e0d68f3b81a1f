/** The time, injected so tests can move it past a backoff instead of waiting. */
export interface NotificationsClock {
  now(): Date;
}

export const NOTIFICATIONS_CLOCK = Symbol('NOTIFICATIONS_CLOCK');

export const systemNotificationsClock = (): NotificationsClock => ({ now: () => new Date() });
