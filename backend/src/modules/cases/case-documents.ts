import {
  CASE_DOCUMENT_TITLES,
  FINDING_LABELS,
  shanghaiDistrictName,
  type CaseDocumentKind,
  type FindingType,
} from '@zgd/shared-types';
import { shanghaiDate } from '../calendar';
import { formatFen, type Fen } from '../reconciliation/domain/exact';
import type { Decision } from './domain';

/*
 * The printable documents of a case as print-ready HTML (A4, Simplified Chinese): the
 * 立案审批表 (internal, for the bureau head's approval) and the 责令退还多收价款通知书 (sent to
 * the charging entity). Pure: facts in, text out; every value from the case is escaped.
 *
 * The refund order goes to the reported entity, so it carries nothing about who reported:
 * no reporter, no report, no count of reports, and per-tenant amounts only when the entity
 * has enough tenants for them not to point at one (the threshold of the entity's own view).
 */

export interface CaseDocumentFacts {
  number: string;
  districtCode: string;
  source: 'report' | 'warning';
  state: string;
  entity: { id: string; name: string | null; premisesAddress: string | null };
  periods: string[];
  receivedAt: Date;
  filingDue: string;
  openedAt: Date | null;
  reportCount: number;
  claimedFen: Fen;
  findingTypes: string[];
  decision: Decision | null;
  refunds: { tenantId: string; orderedFen: Fen }[];
  tenantCount: number;
  printedAt: Date;
}

/** Below this many tenants, per-tenant amounts could tell the entity who reported it. */
export const MIN_TENANTS_FOR_REFUND_LIST = 5;
/** Our setting: the time the order gives the entity to refund. */
export const REFUND_ORDER_DAYS = 15;

/** Legal sources as cited in the documents (domain brief §3, §5). */
const LAW = {
  electricity44: '《中华人民共和国电力法》第四十四条',
  electricity66: '《中华人民共和国电力法》第六十六条',
  price12: '《中华人民共和国价格法》第十二条',
  price39: '《中华人民共和国价格法》第三十九条',
  rule9: '《价格违法行为行政处罚规定》第九条',
  rule16: '《价格违法行为行政处罚规定》第十六条',
  filing: '《市场监督管理行政处罚程序规定》第十八条、第十九条',
} as const;

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text as HTML: nothing from a case can become markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]);
}

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const UNITS = ['', '拾', '佰', '仟'];
const GROUPS = ['', '万', '亿', '万亿'];

/** An amount of fen in capital Chinese numerals (人民币大写): 1234.50 → 壹仟贰佰叁拾肆元伍角整. */
export function fenInWords(fen: Fen): string {
  if (fen < 0n) return `负${fenInWords(-fen)}`;
  const yuan = fen / 100n;
  const jiao = Number((fen / 10n) % 10n);
  const cents = Number(fen % 10n);
  let out = '';
  if (yuan > 0n) out = `${integerInWords(yuan)}元`;
  if (jiao === 0 && cents === 0) return `${out || '零元'}整`;
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (yuan > 0n) out += '零';
  if (cents > 0) out += `${DIGITS[cents]}分`;
  else out += '整';
  return out;
}

function integerInWords(n: bigint): string {
  const groups: number[] = [];
  for (let rest = n; rest > 0n; rest /= 10000n) groups.push(Number(rest % 10000n));
  let out = '';
  let zeroPending = false;
  for (let g = groups.length - 1; g >= 0; g--) {
    const value = groups[g];
    if (value === 0) {
      zeroPending = out !== '';
      continue;
    }
    if (zeroPending || (out !== '' && value < 1000)) out += '零';
    zeroPending = false;
    out += fourDigits(value) + GROUPS[g];
  }
  return out;
}

function fourDigits(value: number): string {
  let out = '';
  let zero = false;
  for (let pos = 3; pos >= 0; pos--) {
    const d = Math.floor(value / 10 ** pos) % 10;
    if (d === 0) {
      zero = out !== '';
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[d] + UNITS[pos];
  }
  return out;
}

/** 2026-06-01 → 2026年6月1日 (Shanghai day). */
export function chineseDate(at: Date | string): string {
  const day = typeof at === 'string' ? at : shanghaiDate(at);
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const monthText = (period: string) => {
  const [y, m] = period.split('-').map(Number);
  return `${y}年${m}月`;
};

/** 1234.5 元 with thousands separators: ¥1,234.50. */
export function yuanText(fen: Fen): string {
  const [int, frac] = formatFen(fen).split('.');
  return `¥${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

function bureauName(districtCode: string): string {
  const name = shanghaiDistrictName(districtCode);
  return name ? `上海市${name}市场监督管理局` : '上海市市场监督管理局';
}

function findingText(types: string[]): string {
  const titles = types.map((t) => FINDING_LABELS[t as FindingType]?.title ?? t);
  return titles.length ? titles.join('、') : '收费金额与允许收费金额不符';
}

const e = escapeHtml;

const STYLE = `
@page { size: A4; margin: 25mm 20mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", serif;
  font-size: 12pt; line-height: 1.8; color: #000; margin: 0; }
.sheet { width: 170mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 20pt; text-align: center; letter-spacing: 2pt; margin: 0 0 4mm; }
.issuer { text-align: center; font-size: 14pt; margin: 0 0 2mm; }
.docno { text-align: right; margin: 0 0 6mm; }
table.form { width: 100%; border-collapse: collapse; }
table.form th, table.form td { border: 1px solid #000; padding: 2mm 3mm; vertical-align: top; }
table.form th { width: 28mm; font-weight: normal; text-align: center; white-space: nowrap; }
table.list { width: 100%; border-collapse: collapse; margin: 2mm 0 4mm; }
table.list th, table.list td { border: 1px solid #000; padding: 1mm 3mm; }
td.amount { text-align: right; font-variant-numeric: tabular-nums; }
.sign { height: 22mm; }
.right { text-align: right; }
p { margin: 0 0 3mm; text-indent: 2em; }
p.plain { text-indent: 0; }
.stamp { margin-top: 14mm; text-align: right; }
.footer { margin-top: 10mm; font-size: 10pt; color: #333; border-top: 1px solid #999; padding-top: 2mm; }
@media screen { body { background: #eee; } .sheet { background: #fff; padding: 25mm 20mm;
  width: 210mm; min-height: 297mm; margin: 10mm auto; box-shadow: 0 0 4px #999; } }
`;

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${e(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main class="sheet">
${body}
</main>
</body>
</html>
`;
}

function entityName(f: CaseDocumentFacts): string {
  return f.entity.name ?? `统一社会信用代码 ${f.entity.id} 的收费主体`;
}

function periodsText(periods: string[]): string {
  return periods.map(monthText).join('、');
}

/** 立案审批表: the officer's proposal and the head's approval to open the case. */
function filingApproval(f: CaseDocumentFacts): string {
  const title = CASE_DOCUMENT_TITLES['filing-approval'];
  const source =
    f.source === 'report'
      ? `举报（一键举报，共 ${f.reportCount} 件，已合并办理）`
      : f.reportCount
        ? `转供电收费预警模型线索，并入一键举报 ${f.reportCount} 件`
        : '转供电收费预警模型线索';
  const facts =
    `经初步核查，当事人在${periodsText(f.periods)}向承租户转供电收费中，平台依据电网企业结算账单、` +
    `政府定价和当事人向承租户的收费记录核算，发现${findingText(f.findingTypes)}等情形，` +
    `举报时固定的核查结果显示多收电费合计 ${yuanText(f.claimedFen)} 元。` +
    '当事人涉嫌不执行政府定价、在电费中加收其他费用。';
  const approval = f.openedAt
    ? `同意立案。<br>负责人：\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000${e(chineseDate(f.openedAt))}`
    : '<br><br>负责人：\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日';
  return page(
    `${title} ${f.number}`,
    `<p class="issuer">${e(bureauName(f.districtCode))}</p>
<h1>${e(title)}</h1>
<p class="docno">案件编号：${e(f.number)}</p>
<table class="form">
<tr><th>案\u3000由</th><td colspan="3">涉嫌转供电主体不执行政府定价、在电费中加收其他费用</td></tr>
<tr><th>案件来源</th><td>${e(source)}</td><th>受理日期</th><td>${e(chineseDate(f.receivedAt))}</td></tr>
<tr><th>当事人</th><td colspan="3">${e(entityName(f))}</td></tr>
<tr><th>统一社会<br>信用代码</th><td>${e(f.entity.id)}</td><th>计量场所</th><td>${e(f.entity.premisesAddress ?? '—')}</td></tr>
<tr><th>涉及期间</th><td colspan="3">${e(periodsText(f.periods))}</td></tr>
<tr><th>涉嫌违法<br>事实</th><td colspan="3">${e(facts)}</td></tr>
<tr><th>立案依据</th><td colspan="3">当事人的行为涉嫌违反${e(LAW.electricity44)}、${e(LAW.price12)}的规定，依据${e(LAW.electricity66)}、${e(LAW.price39)}、${e(LAW.rule9)}可予处罚；符合${e(LAW.filing)}规定的立案条件。</td></tr>
<tr><th>立案期限</th><td colspan="3">应于 ${e(chineseDate(f.filingDue))} 前作出是否立案的决定（收到举报之日起15个工作日，经批准可延长15个工作日）</td></tr>
<tr><th>承办人意见</th><td colspan="3" class="sign">建议立案调查。<br><br>承办人：\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日</td></tr>
<tr><th>负责人<br>审批意见</th><td colspan="3" class="sign">${approval}</td></tr>
</table>
<p class="footer plain">本表为内部审批文书，不得向当事人出示。打印时间：${e(chineseDate(f.printedAt))}</p>`,
  );
}

/** 责令退还多收价款通知书: sent to the charging entity; never names who reported it. */
function refundOrder(f: CaseDocumentFacts): string {
  const title = CASE_DOCUMENT_TITLES['refund-order'];
  const d = f.decision;
  if (!d) throw new Error(`case ${f.number} has no decision: no refund order`);
  const list =
    f.tenantCount >= MIN_TENANTS_FOR_REFUND_LIST && f.refunds.length
      ? `<table class="list"><thead><tr><th>序号</th><th>退还对象（统一社会信用代码）</th><th>应退金额（元）</th></tr></thead><tbody>
${f.refunds
  .map(
    (r, i) =>
      `<tr><td>${i + 1}</td><td>${e(r.tenantId)}</td><td class="amount">${e(yuanText(r.orderedFen))}</td></tr>`,
  )
  .join('\n')}
</tbody></table>`
      : '<p>各承租户应退金额按你单位在上述期间向各承租户的实际收费，依本局核定的计算方法分别计算退还。</p>';
  return page(
    `${title} ${f.number}`,
    `<p class="issuer">${e(bureauName(f.districtCode))}</p>
<h1>${e(title)}</h1>
<p class="docno">文书编号：${e(f.number)}-退</p>
<p class="plain">${e(entityName(f))}（统一社会信用代码：${e(f.entity.id)}）：</p>
<p>经查，你单位在${e(periodsText(f.periods))}向承租户转供电收费中，存在${e(findingText(f.findingTypes))}等情形，` +
      `多收电费（价款）共计人民币 ${e(yuanText(d.refundOrderFen))} 元（大写：${e(fenInWords(d.refundOrderFen))}）。</p>
<p>你单位的上述行为违反了${e(LAW.electricity44)}、${e(LAW.price12)}的规定。依据${e(LAW.electricity66)}和${e(LAW.rule16)}的规定，现责令你单位自收到本通知书之日起 ${REFUND_ORDER_DAYS} 日内，将多收的价款退还给被多收价款的承租户，并将退还凭证报送本局。</p>
${list}
<p>逾期不退还或者无法退还的，本局将依法予以没收。本通知书不影响本局依法对你单位作出其他行政处理。</p>
<p>如对本通知不服，可以自收到本通知书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。</p>
<p class="stamp plain">${e(bureauName(f.districtCode))}<br>${e(chineseDate(d.at))}</p>
<p class="footer plain">案件编号：${e(f.number)}\u3000本通知书一式两份，一份送达当事人，一份附卷。</p>`,
  );
}

export function renderCaseDocument(kind: CaseDocumentKind, facts: CaseDocumentFacts): string {
  return kind === 'filing-approval' ? filingApproval(facts) : refundOrder(facts);
}
