import { describe, expect, it } from 'vitest';
import { PiiCipher } from '../crypto/pii-cipher';
import { JsonLogger } from './json-logger';
import { REDACTED, redactPersonalData } from './redact';

function capture(level: 'debug' | 'info' = 'info') {
  const lines: string[] = [];
  const logger = new JsonLogger(level, (l) => lines.push(l));
  return {
    logger,
    lines,
    records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

const cipher = new PiiCipher({ currentKeyId: 'k', keys: new Map([['k', Buffer.alloc(32, 3)]]) });

describe('JsonLogger', () => {
  it('writes one JSON object per line with time, level, context and the fields', () => {
    const { logger, records } = capture();
    logger.emit('info', { msg: 'case opened', caseId: 42 }, 'Cases');
    expect(records()).toEqual([
      expect.objectContaining({ level: 'info', context: 'Cases', msg: 'case opened', caseId: 42 }),
    ]);
    expect(typeof records()[0].time).toBe('string');
  });

  it('drops records below the minimum level', () => {
    const { logger, lines } = capture('info');
    logger.debug('noise');
    expect(lines).toEqual([]);
  });

  it('never prints a name, a phone number or an encrypted value', () => {
    const { logger, lines } = capture();
    const envelope = cipher.encrypt('王小明');
    logger.emit('warn', {
      msg: 'report received from 13812345678',
      reporter: { name: '王小明', phone: '13812345678', user_id: 7 },
      reporterPhone: '13900001111',
      stored: envelope,
      contacts: [{ contactName: '李四', mobile: '13700002222' }],
    });
    logger.error({ msg: 'failed', realName: '赵六' }, 'Error: boom\n    at 13600003333', 'Cases');
    const out = lines.join('\n');
    for (const secret of [
      '王小明',
      '13812345678',
      '13900001111',
      envelope,
      '李四',
      '13700002222',
      '赵六',
      '13600003333',
    ]) {
      expect(out).not.toContain(secret);
    }
    const [first] = lines.map((l) => JSON.parse(l) as { reporter: unknown; msg: string });
    expect(first.reporter).toEqual({ name: REDACTED, phone: REDACTED, user_id: 7 });
    expect(first.msg).toBe(`report received from ${REDACTED}`);
  });
});

describe('redactPersonalData', () => {
  it.each([
    [{ name: '张三' }, { name: REDACTED }],
    [{ Reporter_Name: '张三' }, { Reporter_Name: REDACTED }],
    [
      { phone: null, caseId: 3 },
      { phone: null, caseId: 3 },
    ],
    [{ n: '13812345678' }, { n: REDACTED }],
    [{ n: '913101150000000000X' }, { n: '913101150000000000X' }],
    [
      { at: 1764460800000, ok: true },
      { at: 1764460800000, ok: true },
    ],
    [
      ['a', { mobile: '1' }],
      ['a', { mobile: REDACTED }],
    ],
  ])('redacts %j as %j', (input, expected) => {
    expect(redactPersonalData(input)).toEqual(expected);
  });

  it('leaves the input untouched', () => {
    const input = { name: '张三' };
    redactPersonalData(input);
    expect(input.name).toBe('张三');
  });
});
