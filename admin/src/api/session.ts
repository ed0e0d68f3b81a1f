import type { LoginResponse, Me } from '@zgd/shared-types';

/** A signed-in session as the console keeps it: the bearer token and who it belongs to. */
export interface Session {
  token: string;
  expiresAt: string;
  user: Me;
}

/** Per browser tab: closing the tab signs the officer out of this console. */
const STORAGE_KEY = 'zgd.admin.session';

type Listener = () => void;
const listeners = new Set<Listener>();
let cached: { raw: string | null; session: Session | null } = { raw: null, session: null };

/** The stored session, or null when signed out, unreadable or past its expiry. */
export function currentSession(): Session | null {
  const raw = readStorage();
  if (raw !== cached.raw) cached = { raw, session: parse(raw) };
  const session = cached.session;
  if (session && Date.parse(session.expiresAt) <= Date.now()) return null;
  return session;
}

/** Why the last session ended, so the login page can say the user was signed out. */
export type SessionEndReason = 'logout' | 'expired';
let lastEndReason: SessionEndReason | null = null;

export function startSession(login: LoginResponse): void {
  const session: Session = { token: login.token, expiresAt: login.expiresAt, user: login.user };
  lastEndReason = null;
  writeStorage(JSON.stringify(session));
}

/** Forgets the session locally (after logout, or when the server no longer knows the token). */
export function endSession(reason: SessionEndReason): void {
  if (readStorage() === null) return;
  lastEndReason = reason;
  writeStorage(null);
}

export function sessionEndReason(): SessionEndReason | null {
  return lastEndReason;
}

/** For `useSyncExternalStore`: notified whenever the session starts or ends. */
export function subscribeSession(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function parse(raw: string | null): Session | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<Session>;
    if (typeof value.token !== 'string' || typeof value.expiresAt !== 'string') return null;
    if (typeof value.user !== 'object' || value.user === null) return null;
    return value as Session;
  } catch {
    return null;
  }
}

// Where storage is switched off, the session lives in memory until the page reloads.
let memory: string | null = null;

function readStorage(): string | null {
  try {
    return window.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return memory;
  }
}

function writeStorage(raw: string | null): void {
  memory = raw;
  try {
    if (raw === null) window.sessionStorage.removeItem(STORAGE_KEY);
    else window.sessionStorage.setItem(STORAGE_KEY, raw);
  } catch {
    // kept in `memory`
  }
  for (const listener of listeners) listener();
}
