/** Shanghai's 16 districts with their GB/T 2260 codes: a case is routed on the premises' district. */
export const SHANGHAI_DISTRICTS = [
  { code: '310101', name: '黄浦区' },
  { code: '310104', name: '徐汇区' },
  { code: '310105', name: '长宁区' },
  { code: '310106', name: '静安区' },
  { code: '310107', name: '普陀区' },
  { code: '310109', name: '虹口区' },
  { code: '310110', name: '杨浦区' },
  { code: '310112', name: '闵行区' },
  { code: '310113', name: '宝山区' },
  { code: '310114', name: '嘉定区' },
  { code: '310115', name: '浦东新区' },
  { code: '310116', name: '金山区' },
  { code: '310117', name: '松江区' },
  { code: '310118', name: '青浦区' },
  { code: '310120', name: '奉贤区' },
  { code: '310151', name: '崇明区' },
] as const;

export type ShanghaiDistrictCode = (typeof SHANGHAI_DISTRICTS)[number]['code'];

const NAMES_BY_CODE: ReadonlyMap<string, string> = new Map(
  SHANGHAI_DISTRICTS.map((district) => [district.code, district.name]),
);

export function isShanghaiDistrictCode(code: string): code is ShanghaiDistrictCode {
  return NAMES_BY_CODE.has(code);
}

/** The district's name, or undefined for a code that is not one of Shanghai's districts. */
export function shanghaiDistrictName(code: string): string | undefined {
  return NAMES_BY_CODE.get(code);
}
