import { describe, expect, it } from 'vitest';
import {
  chineseDate,
  escapeHtml,
  fenInWords,
  MIN_TENANTS_FOR_REFUND_LIST,
  renderCaseDocument,
  yuanText,
  type CaseDocumentFacts,
} from './case-documents';

describe('fenInWords: 人民币大写 of exact fen', () => {
  it.each([
    [0n, '零元整'],
    [1n, '壹分'],
    [10n, '壹角整'],
    [100n, '壹元整'],
    [101n, '壹元零壹分'],
    [110n, '壹元壹角整'],
    [123_450n, '壹仟贰佰叁拾肆元伍角整'],
    [3_207_571n, '叁万贰仟零柒拾伍元柒角壹分'],
    [4_711_167n, '肆万柒仟壹佰壹拾壹元陆角柒分'],
    [45_915_600n, '肆拾伍万玖仟壹佰伍拾陆元整'],
    [100_000_000n, '壹佰万元整'],
    [1_000_100n, '壹万零壹元整'],
    [10_000_000_000n, '壹亿元整'],
    [10_000_100_000n, '壹亿零壹仟元整'],
    [-150n, '负壹元伍角整'],
  ])('%s fen → %s', (fen, words) => {
    expect(fenInWords(fen)).toBe(words);
  });
});

describe('small formatters', () => {
  it('escapes every character that could open markup', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;',
    );
  });
  it('writes amounts exactly with separators and dates in Chinese (Shanghai day)', () => {
    expect(yuanText(123_456_789n)).toBe('¥1,234,567.89');
    expect(yuanText(5n)).toBe('¥0.05');
    expect(chineseDate(new Date('2026-05-31T16:30:00Z'))).toBe('2026年6月1日');
    expect(chineseDate('2026-12-09')).toBe('2026年12月9日');
  });
});

const TENANT_A = '91310109PRMU98K65L';
const TENANT_B = '91310104JM5DLCRP3K';

function facts(over: Partial<CaseDocumentFacts> = {}): CaseDocumentFacts {
  return {
    number: '沪转供-310112-2026-00001',
    districtCode: '310112',
    source: 'report',
    state: 'decided',
    entity: {
      id: '91310112YUYU122BX0',
      name: '上海<某>工业园 & 物业',
      premisesAddress: '闵行区某路 1 号',
    },
    periods: ['2025-03', '2025-04'],
    receivedAt: new Date('2026-06-01T02:00:00Z'),
    filingDue: '2026-06-23',
    openedAt: new Date('2026-06-10T02:00:00Z'),
    reportCount: 2,
    claimedFen: 223_725n,
    findingTypes: ['PRICE_ABOVE_GRID', 'PROHIBITED_FEE'],
    decision: {
      at: new Date('2026-07-01T02:00:00Z'),
      approvedByUserId: 3,
      illegalGainFen: 223_725n,
      refundOrderFen: 223_725n,
      warning: true,
      fineFen: 111_862n,
      confiscationFen: 0n,
      serious: false,
    },
    refunds: [
      { tenantId: TENANT_A, orderedFen: 200_000n },
      { tenantId: TENANT_B, orderedFen: 23_725n },
    ],
    tenantCount: 2,
    printedAt: new Date('2026-07-02T02:00:00Z'),
    ...over,
  };
}

describe('the 立案审批表', () => {
  const html = renderCaseDocument('filing-approval', facts());
  it('is a complete A4 HTML page in Chinese, filled from the case', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('size: A4');
    expect(html).toContain('上海市闵行区市场监督管理局');
    expect(html).toContain('沪转供-310112-2026-00001');
    expect(html).toContain('2025年3月、2025年4月');
    expect(html).toContain('单价高于允许价格、违规加收费用');
    expect(html).toContain('¥2,237.25');
    expect(html).toContain('2026年6月23日');
    expect(html).toContain('同意立案');
    expect(html).toContain('《市场监督管理行政处罚程序规定》第十八条、第十九条');
  });
  it('escapes what comes from the records', () => {
    expect(html).toContain('上海&lt;某&gt;工业园 &amp; 物业');
    expect(html).not.toContain('上海<某>');
  });
  it('names a warning clue as the source, with the reports that joined it', () => {
    const warned = renderCaseDocument(
      'filing-approval',
      facts({ source: 'warning', reportCount: 1 }),
    );
    expect(warned).toContain('转供电收费预警模型线索，并入一键举报 1 件');
  });
  it('leaves the approval blank before 立案', () => {
    expect(renderCaseDocument('filing-approval', facts({ openedAt: null }))).not.toContain(
      '同意立案',
    );
  });
});

describe('the 责令退还多收价款通知书', () => {
  it('orders the exact amount in figures and words, on the legal basis', () => {
    const html = renderCaseDocument('refund-order', facts());
    expect(html).toContain('¥2,237.25');
    expect(html).toContain('贰仟贰佰叁拾柒元贰角伍分');
    expect(html).toContain('《中华人民共和国电力法》第六十六条');
    expect(html).toContain('《价格违法行为行政处罚规定》第十六条');
    expect(html).toContain('2026年7月1日');
  });
  it('never says who reported, how many reported, or that anyone did', () => {
    const html = renderCaseDocument('refund-order', facts());
    expect(html).not.toContain('举报');
    expect(html).not.toContain(TENANT_A);
    expect(html).not.toContain(TENANT_B);
  });
  it('lists per-tenant amounts only when the entity has enough tenants to hide a reporter', () => {
    const few = renderCaseDocument(
      'refund-order',
      facts({ tenantCount: MIN_TENANTS_FOR_REFUND_LIST - 1 }),
    );
    const many = renderCaseDocument(
      'refund-order',
      facts({ tenantCount: MIN_TENANTS_FOR_REFUND_LIST }),
    );
    expect(few).not.toContain(TENANT_A);
    expect(many).toContain(TENANT_A);
    expect(many).toContain('¥2,000.00');
    expect(many).toContain('¥237.25');
  });
  it('is not made for a case without a decision', () => {
    expect(() => renderCaseDocument('refund-order', facts({ decision: null }))).toThrow();
  });
});
