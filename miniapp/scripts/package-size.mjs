// Prints the size of the weapp build's main package and of each subpackage, and fails when
// the main package is over MAIN_PACKAGE_LIMIT. Run after `taro build --type weapp`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAIN_PACKAGE_LIMIT, measurePackages, subpackageRoots, toKb } from './measure-packages.mjs';

const outputRoot = fileURLToPath(new URL('../dist/weapp', import.meta.url));

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(full);
    return [{ path: relative(outputRoot, full).split(sep).join('/'), bytes: statSync(full).size }];
  });
}

let appJson;
try {
  appJson = JSON.parse(readFileSync(join(outputRoot, 'app.json'), 'utf8'));
} catch (error) {
  console.error(`package-size: cannot read ${join(outputRoot, 'app.json')}: ${error.message}`);
  process.exit(1);
}

const { main, subpackages } = measurePackages(listFiles(outputRoot), subpackageRoots(appJson));

console.log(`main package: ${toKb(main.bytes)} KB (${main.files} files)`);
for (const pkg of subpackages) {
  console.log(`subpackage ${pkg.name}: ${toKb(pkg.bytes)} KB (${pkg.files} files)`);
}
if (main.bytes > MAIN_PACKAGE_LIMIT) {
  console.error(
    `main package is ${toKb(main.bytes)} KB, over the ${toKb(MAIN_PACKAGE_LIMIT)} KB limit: ` +
      'move features into subpackages under src/packages/',
  );
  process.exit(1);
}
