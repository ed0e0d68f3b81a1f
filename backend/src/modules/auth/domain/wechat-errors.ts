/**
 * What a jscode2session `errcode` means for the caller. Codes from WeChat's documentation of
 * code2Session; anything else (a wrong app secret, 40013 invalid appid, a new code) is the
 * server's problem, not the user's.
 */
export type WechatRefusal = 'bad_code' | 'forbidden' | 'unavailable';

const BY_ERRCODE: Record<number, WechatRefusal> = {
  40029: 'bad_code', // invalid code
  40163: 'bad_code', // code been used
  40226: 'forbidden', // high risk user: WeChat blocks the login
  45011: 'unavailable', // API minute-quota reached
  [-1]: 'unavailable', // system busy
};

export function classifyWechatError(errcode: number): WechatRefusal {
  return BY_ERRCODE[errcode] ?? 'unavailable';
}
