import { describe, expect, it } from 'vitest';
import { measurePackages, subpackageRoots } from './measure-packages.mjs';

describe('subpackageRoots', () => {
  it('reads both spellings of the key and trims slashes', () => {
    const appJson = {
      subPackages: [{ root: 'packages/binding/' }],
      subpackages: [{ root: '/packages/reports' }],
    };
    expect(subpackageRoots(appJson)).toEqual(['packages/binding', 'packages/reports']);
  });

  it('is empty when the app declares no subpackage', () => {
    expect(subpackageRoots({ pages: ['pages/index/index'] })).toEqual([]);
  });
});

describe('measurePackages', () => {
  it('counts files under a subpackage root to that subpackage and the rest to main', () => {
    const files = [
      { path: 'app.js', bytes: 1000 },
      { path: 'pages/index/index.js', bytes: 500 },
      { path: 'packages/binding/pages/index/index.js', bytes: 300 },
      { path: 'packages/binding/sub-vendors.js', bytes: 200 },
      // Shares a prefix with the root but is not inside it.
      { path: 'packages/binding-legacy.js', bytes: 7 },
    ];
    const { main, subpackages } = measurePackages(files, ['packages/binding']);
    expect(main).toEqual({ name: 'main', bytes: 1507, files: 3 });
    expect(subpackages).toEqual([{ name: 'packages/binding', bytes: 500, files: 2 }]);
  });
});
