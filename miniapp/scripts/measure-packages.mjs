// Pure part of package-size.mjs, kept apart so it can be tested without a build.

export const KB = 1024;
/** Our cap on the main package; WeChat's own limit is 2 MB. */
export const MAIN_PACKAGE_LIMIT = 1024 * KB;

/** Subpackage roots declared in app.json (WeChat accepts both spellings of the key). */
export function subpackageRoots(appJson) {
  const declared = [...(appJson.subPackages ?? []), ...(appJson.subpackages ?? [])];
  return declared.map((pkg) => pkg.root.replace(/^\/+|\/+$/g, ''));
}

/**
 * Splits files ({ path relative to the output root with `/` separators, bytes }) between
 * the main package and each subpackage root.
 */
export function measurePackages(files, roots) {
  const main = { name: 'main', bytes: 0, files: 0 };
  const subpackages = roots.map((root) => ({ name: root, bytes: 0, files: 0 }));
  for (const file of files) {
    const owner = subpackages.find((pkg) => file.path.startsWith(`${pkg.name}/`)) ?? main;
    owner.bytes += file.bytes;
    owner.files += 1;
  }
  return { main, subpackages };
}

export const toKb = (bytes) => (bytes / KB).toFixed(1);
