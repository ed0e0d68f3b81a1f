import * as fs from 'node:fs';
import * as path from 'node:path';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';

/**
 * Serves a built single-page app under `mount`, answering unknown GETs below it with its
 * index.html so client-side routes survive a reload. `/api` is never shadowed.
 */
export function serveSinglePageApp(app: Express, mount: string, dir: string): boolean {
  const index = path.join(dir, 'index.html');
  if (!fs.existsSync(index)) return false;
  app.use(
    mount,
    express.static(dir, {
      index: 'index.html',
      maxAge: '1h',
      // The page names its hashed assets: a cached page after a redeploy asks for files gone.
      setHeaders: (res, file) =>
        file.endsWith('.html') && res.setHeader('Cache-Control', 'no-cache'),
    }),
  );
  app.use(mount, (req: Request, res: Response, next: NextFunction) => {
    const full = req.originalUrl;
    if (req.method !== 'GET' || full.startsWith('/api/') || full === '/api') return next();
    if (mount === '/' && full.startsWith('/admin')) return next();
    if (path.extname(req.path)) return next(); // a missing asset is a 404, not the page
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}
