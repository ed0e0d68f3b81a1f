import {
  orgCodeCheckChar,
  SHANGHAI_DISTRICTS,
  USCC_CHARSET,
  usccCheckChar,
} from '@zgd/shared-types';
import type { SeededRandom } from './seeded-random';

/**
 * A valid 统一社会信用代码 registered in a Shanghai district: 9 (market regulator) 1 (enterprise),
 * the district code, an organisation code with its GB 11714 check, and the GB 32100 check.
 */
export function randomUscc(random: SeededRandom, districtCode: string, taken: Set<string>): string {
  for (;;) {
    let body = '';
    for (let i = 0; i < 8; i++) body += USCC_CHARSET[random.int(0, USCC_CHARSET.length - 1)];
    const first17 = `91${districtCode}${body}${orgCodeCheckChar(body)}`;
    const code = first17 + usccCheckChar(first17);
    if (!taken.has(code)) {
      taken.add(code);
      return code;
    }
  }
}

const BRANDS = [
  '申达',
  '恒泰',
  '华联',
  '金桥',
  '浦江',
  '瑞丰',
  '东方',
  '新城',
  '嘉禾',
  '博源',
  '汇通',
  '德润',
];
const PREMISES = ['商务楼', '广场', '产业园', '工业园', '商场', '科技园', '创意园', '大厦'];
const ROADS = [
  '世纪大道',
  '淮海中路',
  '南京西路',
  '虹桥路',
  '漕溪北路',
  '长寿路',
  '四平路',
  '沪闵路',
  '曹安公路',
  '嘉松北路',
];
const TENANT_WORDS = [
  '鑫',
  '禾',
  '达',
  '联',
  '科',
  '源',
  '泰',
  '盛',
  '邦',
  '通',
  '和',
  '锦',
  '隆',
  '优',
];
const TENANT_KINDS = [
  '贸易有限公司',
  '餐饮管理有限公司',
  '科技有限公司',
  '服饰商行',
  '便利店',
  '咨询有限公司',
  '文化传媒有限公司',
  '物流有限公司',
  '精密机械有限公司',
];

export function districtName(code: string): string {
  return SHANGHAI_DISTRICTS.find((district) => district.code === code)?.name ?? '';
}

export function entityNameAndAddress(random: SeededRandom, districtCode: string): [string, string] {
  const district = districtName(districtCode);
  const short = district.replace(/新区$|区$/, '');
  const name = `${short}${random.pick(BRANDS)}${random.pick(PREMISES)}`;
  return [name, `上海市${district}${random.pick(ROADS)}${random.int(1, 2999)}号`];
}

export function tenantName(random: SeededRandom): string {
  return `上海${random.pick(TENANT_WORDS)}${random.pick(TENANT_WORDS)}${random.pick(TENANT_KINDS)}`;
}
