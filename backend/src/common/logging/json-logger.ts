import type { LoggerService } from '@nestjs/common';
import { redactPersonalData } from './redact';

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
type Level = keyof typeof LEVELS;

/**
 * One JSON object per line on stdout, so log shippers need no parsing rules.
 * Personal data must never be passed in: callers log ids, not names or phone numbers. As a
 * net under that rule, every record goes through {@link redactPersonalData}.
 */
export class JsonLogger implements LoggerService {
  constructor(
    private readonly minLevel: Level = 'info',
    private readonly write: (line: string) => void = (l) => process.stdout.write(l + '\n'),
  ) {}

  log(message: unknown, context?: string) {
    this.emit('info', message, context);
  }
  error(message: unknown, stackOrContext?: string, context?: string) {
    const ctx =
      context ?? (stackOrContext && !stackOrContext.includes('\n') ? stackOrContext : undefined);
    const stack = stackOrContext?.includes('\n') ? stackOrContext : undefined;
    this.emit('error', message, ctx, stack ? { stack } : undefined);
  }
  warn(message: unknown, context?: string) {
    this.emit('warn', message, context);
  }
  debug(message: unknown, context?: string) {
    this.emit('debug', message, context);
  }
  verbose(message: unknown, context?: string) {
    this.emit('debug', message, context);
  }

  emit(level: Level, message: unknown, context?: string, extra?: Record<string, unknown>) {
    if (LEVELS[level] < LEVELS[this.minLevel]) return;
    const fields =
      typeof message === 'object' && message !== null ? message : { msg: String(message) };
    const record = redactPersonalData({ ...fields, ...extra }) as Record<string, unknown>;
    this.write(JSON.stringify({ time: new Date().toISOString(), level, context, ...record }));
  }
}
