/**
 * The packaging config, checked as far as it goes without the Electron binary: electron-builder
 * reads electron-builder.yml and validates it against its own schema, then packs the built app
 * for Linux (the `dir` target) around a stand-in Electron executable that carries only Electron's
 * fuse wire. What it makes is read back: the files in app.asar, and the fuses it flipped.
 * The installers themselves (AppImage, deb, NSIS, dmg) need tools electron-builder downloads, so
 * they are made only by `npm run dist` (see the README).
 *
 * Needs `npm run build` first. electron-builder's own modules (app-builder-lib, builder-util,
 * @electron/asar, @electron/fuses) are used from its install, at the versions it runs with.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, posix, relative, resolve } from 'node:path';

import { extractFile, listPackage, statFile } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { findAndReadConfig } from 'app-builder-lib/out/util/config/load';
import { convertIcon, type IconFormat } from 'app-builder-lib/out/util/iconConverter';
import { DebugLogger } from 'builder-util';
import { build, type Configuration, Platform } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ICNS_SLOTS, ICO_BMP_SIZES, ICO_PNG_SIZE, LINUX_SIZES, makeIcons } from '../../scripts/icons';

const root = resolve(__dirname, '../..');
const out = join(root, 'out');
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  main: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  build?: unknown;
};

/** The fuses the app ships with, as electron-builder.yml sets them. */
const REQUIRED_FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  onlyLoadAppFromAsar: true,
  enableCookieEncryption: true,
  enableEmbeddedAsarIntegrityValidation: true,
  grantFileProtocolExtraPrivileges: false,
  resetAdHocDarwinSignature: true,
};

const work = mkdtempSync(join(tmpdir(), 'dialsheet-packaging-'));
let config: Configuration;
let asarPath = '';
/** The files (not the directories) in app.asar, as `/out/main/index.js`. */
let asarFiles: string[] = [];
let executable = '';

/**
 * A stand-in for Electron's Linux build: an `electron` file holding the fuse sentinel and a V1
 * fuse wire with Electron's defaults, which is all electron-builder's packing and @electron/fuses
 * read from the binary.
 */
function fakeElectronDist(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const on = 0x31;
  const off = 0x30;
  // RunAsNode, CookieEncryption, NodeOptions, NodeCliInspect, AsarIntegrity, OnlyLoadAppFromAsar,
  // LoadBrowserProcessSpecificV8Snapshot, GrantFileProtocolExtraPrivileges
  const wire = [on, off, on, on, off, off, off, on];
  const file = join(dir, 'electron');
  writeFileSync(
    file,
    Buffer.concat([Buffer.from('#!/bin/sh\nexit 1\n'), Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, wire.length, ...wire])]),
  );
  chmodSync(file, 0o755);
  return dir;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** `/out/main/index.js` for a file of the project. */
const inAsar = (file: string): string => `/${relative(root, file).split('\\').join('/')}`;

beforeAll(async () => {
  expect(existsSync(join(out, 'main', 'index.js')), 'run `npm run build` before the smoke test').toBe(true);
  config = await getConfig(root, null, null);
  await build({
    projectDir: root,
    targets: Platform.LINUX.createTarget('dir'),
    publish: 'never',
    config: { electronDist: fakeElectronDist(join(work, 'electron')), directories: { output: join(work, 'dist') } },
  });
  const unpacked = join(work, 'dist', 'linux-unpacked');
  asarPath = join(unpacked, 'resources', 'app.asar');
  asarFiles = listPackage(asarPath, { isPack: false }).filter((entry) => !('files' in statFile(asarPath, entry.slice(1))));
  executable = join(unpacked, 'dialsheet');
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('electron-builder.yml', () => {
  it('is the one packaging config electron-builder reads, and its own schema accepts it', async () => {
    const found = await findAndReadConfig({ packageKey: 'build', configFilename: 'electron-builder', projectDir: root, packageMetadata: null });
    expect(found?.configFile).toBe(join(root, 'electron-builder.yml'));
    expect(packageJson.build, 'a "build" key in package.json would be a second config').toBeUndefined();
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('is checked by a schema that refuses what it does not know', async () => {
    const misspelt = { ...config, electronFuses: { ...config.electronFuses, runAsNod: false } } as Configuration;
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(/configuration\.electronFuses/);
    const notBoolean = { ...config, asar: 'sometimes' } as unknown as Configuration;
    await expect(validateConfiguration(notBoolean, new DebugLogger(false))).rejects.toThrow(/configuration\.asar/);
  });

  it('makes an AppImage and a deb for Linux, an NSIS installer for Windows and a dmg for macOS, under one app id', () => {
    expect(config.appId).toBe('app.dialsheet.desktop');
    expect(config.productName).toBe('Dialsheet');
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.directories?.output).toBe('dist');
  });

  it('packs the app into an asar and sets the fuses', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toBeUndefined();
    expect(config.electronFuses).toStrictEqual(REQUIRED_FUSES);
  });
});

describe('the app electron-builder packs (Linux, dir target)', () => {
  it('flips the fuses in the Electron executable', async () => {
    const wire = await getCurrentFuseWire(executable);
    const state = (fuse: FuseV1Options): string => String.fromCharCode(wire[fuse] ?? 0);
    expect({
      runAsNode: state(FuseV1Options.RunAsNode),
      enableCookieEncryption: state(FuseV1Options.EnableCookieEncryption),
      enableNodeOptionsEnvironmentVariable: state(FuseV1Options.EnableNodeOptionsEnvironmentVariable),
      enableNodeCliInspectArguments: state(FuseV1Options.EnableNodeCliInspectArguments),
      enableEmbeddedAsarIntegrityValidation: state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation),
      onlyLoadAppFromAsar: state(FuseV1Options.OnlyLoadAppFromAsar),
      loadBrowserProcessSpecificV8Snapshot: state(FuseV1Options.LoadBrowserProcessSpecificV8Snapshot),
      grantFileProtocolExtraPrivileges: state(FuseV1Options.GrantFileProtocolExtraPrivileges),
    }).toEqual({
      runAsNode: '0',
      enableCookieEncryption: '1',
      enableNodeOptionsEnvironmentVariable: '0',
      enableNodeCliInspectArguments: '0',
      enableEmbeddedAsarIntegrityValidation: '1',
      onlyLoadAppFromAsar: '1',
      loadBrowserProcessSpecificV8Snapshot: '0', // left as Electron ships it
      grantFileProtocolExtraPrivileges: '0',
    });
  });

  it('puts everything in app.asar, with nothing unpacked beside it', () => {
    expect(readdirSync(dirname(asarPath))).toEqual(['app.asar']);
  });

  it("holds the built main process, intake worker, preload and renderer, and none of out/'s other files", () => {
    const app = asarFiles.filter((file) => file.startsWith('/out/'));
    const built = ['main', 'preload', 'renderer'].flatMap((part) => walk(join(out, part))).map(inAsar);
    const expected = built.filter((file) => file !== '/out/main/cli.js' && !file.endsWith('.map'));
    expect(app.sort()).toEqual(expected.sort());
    for (const entry of ['/out/main/index.js', '/out/main/intake-worker.js', '/out/preload/index.js', '/out/renderer/index.html']) {
      expect(asarFiles).toContain(entry);
    }
    expect(asarFiles).not.toContain('/out/main/cli.js');
    expect(asarFiles.filter((file) => file.startsWith('/out/web'))).toEqual([]);
  });

  it('holds only out/, package.json and node_modules at the top', () => {
    const top = new Set(asarFiles.map((file) => file.split('/')[1]));
    expect([...top].sort()).toEqual(['node_modules', 'out', 'package.json']);
  });

  it('leaves out sources, tests, source maps, docs, secrets and keys', () => {
    const own = asarFiles.filter((file) => !file.startsWith('/node_modules/'));
    expect(own.filter((file) => /\.(ts|tsx|mts|cts|map|md)$/.test(file))).toEqual([]);
    expect(own.filter((file) => /\.(test|spec|smoke|bench|shots)\.[cm]?[jt]sx?$/.test(file))).toEqual([]);
    expect(own.filter((file) => /^\/(src|e2e|docs|bench|scripts|assets|bin|dist|test-results|\.ci|\.git)\//.test(file))).toEqual([]);
    const names = asarFiles.map((file) => posix.basename(file));
    expect(names.filter((name) => /^\.env(\..*)?$/.test(name))).toEqual([]);
    expect(names.filter((name) => /\.(pem|key|p12|pfx|crt|cer|der|jks|keystore)$/i.test(name))).toEqual([]);
    expect(names.filter((name) => /^id_(rsa|dsa|ecdsa|ed25519)/.test(name))).toEqual([]);
    expect(names.filter((name) => name.endsWith('.map'))).toEqual([]);
  });

  it('writes a package.json with the entry point and no scripts or devDependencies', () => {
    const packed = JSON.parse(extractFile(asarPath, 'package.json').toString('utf8')) as Record<string, unknown>;
    expect(packed['main']).toBe(packageJson.main);
    expect(asarFiles).toContain(`/${packageJson.main}`);
    expect(packed['scripts']).toBeUndefined();
    expect(packed['devDependencies']).toBeUndefined();
  });

  it('holds the production dependencies and no package that only the tooling needs', () => {
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { name?: string; version?: string; dev?: boolean }>;
    };
    const shipped = new Set<string>(); // name@version
    for (const file of asarFiles) {
      const match = /^(.*\/node_modules\/((?:@[^/]+\/)?[^/]+))\/package\.json$/.exec(file);
      if (!match?.[1] || !match[2]) continue;
      const manifest = JSON.parse(extractFile(asarPath, match[1].slice(1) + '/package.json').toString('utf8')) as { version?: string };
      shipped.add(`${match[2]}@${manifest.version}`);
    }
    const lockEntries = Object.entries(lock.packages)
      .filter(([path]) => path.includes('node_modules/'))
      .map(([path, entry]) => ({ name: entry.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length), ...entry }));
    const production = new Set(lockEntries.filter((entry) => !entry.dev).map((entry) => `${entry.name}@${entry.version}`));

    for (const name of Object.keys(packageJson.dependencies)) {
      expect([...shipped].some((key) => key.startsWith(`${name}@`)), `${name} is packed`).toBe(true);
    }
    const notProduction = [...shipped].filter((key) => !production.has(key));
    expect(notProduction, 'every packed package is a production dependency in package-lock.json').toEqual([]);
    // A devDependency is packed only where a production package needs it too (fast-csv's @types/node).
    const devOnlyNames = Object.keys(packageJson.devDependencies).filter((name) => !lockEntries.some((entry) => entry.name === name && !entry.dev));
    expect(devOnlyNames).toEqual(expect.arrayContaining(['electron', 'electron-builder', 'vite', 'typescript', '@resvg/resvg-wasm']));
    for (const name of devOnlyNames) {
      expect(asarFiles.filter((file) => file.includes(`/node_modules/${name}/`)).slice(0, 1), `${name} is not packed`).toEqual([]);
    }
  });

  it('holds every file and package that the main process, the worker and the preload load', () => {
    const missing: string[] = [];
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      if (!asarFiles.includes(file)) missing.push(file);
      const code = readFileSync(join(root, file), 'utf8');
      for (const match of code.matchAll(/\b(?:require|import)\(\s*["']([^"']+)["']\s*\)/g)) {
        const request = match[1] ?? '';
        if (request.startsWith('.')) {
          visit(posix.join(posix.dirname(file), request));
        } else if (!request.startsWith('node:') && !builtinModules.includes(request) && request !== 'electron') {
          const name = request.startsWith('@') ? request.split('/').slice(0, 2).join('/') : (request.split('/')[0] ?? request);
          if (!asarFiles.includes(`/node_modules/${name}/package.json`)) missing.push(`node_modules/${name} (for ${request})`);
        }
      }
    };
    for (const entry of ['/out/main/index.js', '/out/main/intake-worker.js', '/out/preload/index.js']) visit(entry);
    const html = readFileSync(join(out, 'renderer', 'index.html'), 'utf8');
    for (const [, ref = ''] of html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)) {
      if (!asarFiles.includes(`/out/renderer/${ref}`)) missing.push(`/out/renderer/${ref}`);
    }
    expect(missing).toEqual([]);
  });
});

describe('the icons', () => {
  const png = (file: string): { width: number; height: number } => {
    const data = readFileSync(join(root, file));
    expect(data.subarray(0, 8).toString('hex'), `${file} is a PNG`).toBe('89504e470d0a1a0a');
    return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  };
  const pngSize = (data: Buffer): number => {
    expect(data.subarray(0, 4).toString('hex')).toBe('89504e47');
    expect(data.readUInt32BE(16)).toBe(data.readUInt32BE(20));
    return data.readUInt32BE(16);
  };

  it('are the files electron-builder.yml names for each platform', () => {
    expect(config.directories?.buildResources).toBe('assets');
    expect(config.mac?.icon).toBe('assets/icon.icns');
    expect(config.win?.icon).toBe('assets/icon.ico');
    expect(config.linux?.icon).toBe('assets/icons');
  });

  it('are taken by electron-builder as they are, with no conversion (which would download a tool)', async () => {
    const empty = mkdtempSync(join(work, 'no-icon-tool-'));
    const before = process.env['ELECTRON_BUILDER_ICONS_TOOLSET_DIR'];
    process.env['ELECTRON_BUILDER_ICONS_TOOLSET_DIR'] = empty; // a conversion fails at once instead
    try {
      const resolveFor = async (format: IconFormat, source: string | null | undefined): Promise<string[]> => {
        const result = await convertIcon({
          sources: [source ?? ''],
          fallbackSources: [],
          roots: [join(root, 'assets'), root],
          format,
          outDir: join(work, `icon-${format}`),
        });
        expect(result.isFallback).toBe(false);
        return result.icons.map((icon) => relative(root, icon.file).split('\\').join('/'));
      };
      expect(await resolveFor('icns', config.mac?.icon)).toEqual(['assets/icon.icns']);
      expect(await resolveFor('ico', config.win?.icon)).toEqual(['assets/icon.ico']);
      expect(await resolveFor('set', config.linux?.icon)).toEqual(LINUX_SIZES.map((size) => `assets/icons/${size}x${size}.png`));
    } finally {
      if (before === undefined) delete process.env['ELECTRON_BUILDER_ICONS_TOOLSET_DIR'];
      else process.env['ELECTRON_BUILDER_ICONS_TOOLSET_DIR'] = before;
    }
  });

  it('have the sizes each platform needs', () => {
    expect(png('assets/icon.png')).toEqual({ width: 1024, height: 1024 });
    expect(readdirSync(join(root, 'assets', 'icons')).sort()).toEqual(LINUX_SIZES.map((size) => `${size}x${size}.png`).sort());
    for (const size of LINUX_SIZES) expect(png(`assets/icons/${size}x${size}.png`)).toEqual({ width: size, height: size });

    const ico = readFileSync(join(root, 'assets', 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const icoSizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
      const entry = 6 + 16 * i;
      const size = ico.readUInt8(entry) || 256;
      const image = ico.subarray(ico.readUInt32LE(entry + 12), ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8));
      if (size === 256) expect(pngSize(image)).toBe(256);
      else expect([image.readUInt32LE(0), image.readInt32LE(4), image.readInt32LE(8), image.readUInt16LE(14)]).toEqual([40, size, size * 2, 32]);
      return size;
    });
    expect(icoSizes).toEqual([...ICO_BMP_SIZES, ICO_PNG_SIZE]);

    const icns = readFileSync(join(root, 'assets', 'icon.icns'));
    expect(icns.toString('latin1', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const slots: [string, number][] = [];
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) {
      slots.push([icns.toString('latin1', at, at + 4), pngSize(icns.subarray(at + 8, at + icns.readUInt32BE(at + 4)))]);
    }
    expect(slots).toEqual(ICNS_SLOTS.map(([type, size]) => [type, size]));
    expect(Math.max(...slots.map(([, size]) => size))).toBe(1024);
  });

  it('are what `npm run icons` makes from assets/icon.svg, and small', async () => {
    const made = await makeIcons(readFileSync(join(root, 'assets', 'icon.svg'), 'utf8'));
    let total = 0;
    for (const [file, data] of made) {
      const committed = readFileSync(join(root, file));
      expect(committed.equals(data), `${file} is stale: run \`npm run icons\``).toBe(true);
      total += committed.length;
    }
    expect(total).toBeLessThan(300_000);
  });
});
