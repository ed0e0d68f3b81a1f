// Stand-in for @tarojs/taro in tests (aliased in vitest.config.mts): in-memory storage, an API
// answered by routes a test declares, and spies on navigation and dialogs.
import { useEffect } from 'react';
import { vi } from 'vitest';

export interface FakeRequest {
  url: string;
  method?: string;
  data?: unknown;
  header?: Record<string, string>;
}
export interface FakeResponse {
  statusCode: number;
  data: unknown;
}
type Answer = FakeResponse | ((req: FakeRequest) => FakeResponse | Promise<FakeResponse>);

const storage = new Map<string, unknown>();
let routes = new Map<string, Answer>();
let routerParams: Record<string, string> = {};

/** Answers `METHOD /api<path>` (path with its query string) with `answer`. */
export function route(method: string, path: string, answer: Answer | unknown): void {
  const isResponse =
    typeof answer === 'function' ||
    (typeof answer === 'object' && answer !== null && 'statusCode' in answer);
  routes.set(
    `${method} /api${path}`,
    isResponse ? (answer as Answer) : { statusCode: 200, data: answer },
  );
}

export function setRouterParams(params: Record<string, string>): void {
  routerParams = params;
}

export const storageValue = (key: string): unknown => storage.get(key);

export const request = vi.fn(
  async (req: FakeRequest): Promise<FakeResponse & { header: object }> => {
    const answer = routes.get(`${req.method ?? 'GET'} ${req.url}`);
    if (answer === undefined) {
      return { statusCode: 404, header: {}, data: { code: 'NOT_FOUND', message: '未找到' } };
    }
    const response = typeof answer === 'function' ? await answer(req) : answer;
    return { header: {}, ...response };
  },
);

const taro = {
  request,
  getStorageSync: vi.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: vi.fn((key: string, value: unknown) => {
    storage.set(key, value);
  }),
  removeStorageSync: vi.fn((key: string) => {
    storage.delete(key);
  }),
  reLaunch: vi.fn(async (_options: { url: string }) => ({ errMsg: 'reLaunch:ok' })),
  navigateTo: vi.fn(async (_options: { url: string }) => ({ errMsg: 'navigateTo:ok' })),
  pageScrollTo: vi.fn(async (_options: object) => ({ errMsg: 'pageScrollTo:ok' })),
  setNavigationBarTitle: vi.fn(async (_options: object) => ({ errMsg: 'ok' })),
  showModal: vi.fn(async (_options: object) => ({ confirm: true, cancel: false })),
  showToast: vi.fn(async (_options: object) => ({ errMsg: 'showToast:ok' })),
  login: vi.fn(async () => ({ code: 'wx-login-code', errMsg: 'login:ok' })),
  redirectTo: vi.fn(async (_options: { url: string }) => ({ errMsg: 'redirectTo:ok' })),
  chooseImage: vi.fn(async (_options: object) => ({
    tempFilePaths: ['blob:photo-1'],
    errMsg: 'chooseImage:ok',
  })),
  chooseMedia: vi.fn(async (_options: object) => ({
    tempFiles: [{ tempFilePath: 'wxfile://photo-1' }],
    errMsg: 'chooseMedia:ok',
  })),
  saveFile: vi.fn(async (opts: { tempFilePath: string }) => ({
    savedFilePath: opts.tempFilePath.replace('wxfile://', 'wxfile://store/'),
    errMsg: 'saveFile:ok',
  })),
  removeSavedFile: vi.fn(async (_options: { filePath: string }) => ({
    errMsg: 'removeSavedFile:ok',
  })),
  scanCode: vi.fn(async (_options: object) => ({ result: '', errMsg: 'scanCode:ok' })),
  requestSubscribeMessage: vi.fn(async (_options: object) => ({
    errMsg: 'requestSubscribeMessage:ok',
  })),
  /** Answered like `request`: a route `POST /api<path>` with the file path as `data`. */
  uploadFile: vi.fn(
    async (opts: { url: string; filePath: string; header?: Record<string, string> }) => {
      const r = await request({
        url: opts.url,
        method: 'POST',
        data: opts.filePath,
        header: opts.header,
      });
      return { statusCode: r.statusCode, data: JSON.stringify(r.data) };
    },
  ),
};

export function resetTaro(): void {
  storage.clear();
  routes = new Map();
  routerParams = {};
  for (const fn of Object.values(taro)) fn.mockClear();
}

export const useRouter = () => ({ params: routerParams, path: '' });

/** Runs once on mount, which is when a page is first shown. */
export const useDidShow = (callback: () => void) => {
  useEffect(callback, []);
};

export default taro;
