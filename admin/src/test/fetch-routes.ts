import { vi } from 'vitest';
import { jsonResponse } from './json-response';

const SEQUENCE = Symbol('answers in turn');

/** Marks a list of answers given in turn (rather than one answer that is a JSON array). */
export function inTurn(...answers: unknown[]): unknown[] {
  return Object.assign(answers, { [SEQUENCE]: true });
}

/**
 * Stubs fetch with answers by "METHOD /path?query": a JSON body, a function returning a
 * Response, or `inTurn(...)` answers given one per call, the last repeating. An unknown
 * request fails the test, so a wrong URL cannot pass unnoticed.
 */
export function stubRoutes(routes: Record<string, unknown>) {
  const served = new Map<string, number>();
  const fetchMock = vi.fn<typeof fetch>(async (input, init) => {
    const key = `${init?.method ?? 'GET'} ${String(input)}`;
    if (!(key in routes)) throw new Error(`unexpected request: ${key}`);
    const answers = routes[key];
    const list = Array.isArray(answers) && SEQUENCE in answers ? answers : [answers];
    const count = served.get(key) ?? 0;
    served.set(key, count + 1);
    const answer = list[Math.min(count, list.length - 1)];
    return typeof answer === 'function' ? (answer as () => Response)() : jsonResponse(answer);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** The calls made as `key` ("METHOD /path?query"), each with its RequestInit. */
export function callsTo(fetchMock: ReturnType<typeof stubRoutes>, key: string) {
  return fetchMock.mock.calls.filter(
    ([input, init]) => `${init?.method ?? 'GET'} ${String(input)}` === key,
  );
}
