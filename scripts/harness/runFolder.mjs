// A fresh folder per run for everything code-server and Chromium write: profile, extensions,
// XDG config/data/cache (code-server writes ~/.config/code-server/config.yaml on every call),
// TMPDIR (its IPC sockets) and logs. A reused profile restores old editors and breaks UI driving.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Settings that keep runs quiet and repeatable. */
const USER_SETTINGS = {
  'files.hotExit': 'off',
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  // The chat side bar opens by default and takes a third of the screenshots.
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  // A demo folder inside this clone would otherwise ask to open the enclosing repository.
  'git.openRepositoryInParentFolders': 'never',
};

export function createRunFolder(label) {
  const root = mkdtempSync(join(tmpdir(), `adr-roles-${label}-`));
  const dir = (name) => {
    const path = join(root, name);
    mkdirSync(path, { recursive: true });
    return path;
  };
  const runFolder = {
    root,
    userDataDir: dir('user-data'),
    extensionsDir: dir('extensions'),
    logsDir: dir('logs'),
    /** Environment for code-server and Chromium: every XDG folder and TMPDIR inside the run folder. */
    env: {
      ...process.env,
      XDG_CONFIG_HOME: dir('xdg/config'),
      XDG_DATA_HOME: dir('xdg/data'),
      XDG_CACHE_HOME: dir('xdg/cache'),
      TMPDIR: dir('tmp'),
    },
    /** Copies a workspace into the run folder so tests never dirty the original. */
    copyWorkspace(source) {
      const target = join(root, 'workspace');
      cpSync(source, target, { recursive: true });
      return target;
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
  mkdirSync(join(runFolder.userDataDir, 'User'), { recursive: true });
  writeFileSync(join(runFolder.userDataDir, 'User', 'settings.json'), `${JSON.stringify(USER_SETTINGS, null, 2)}\n`);
  return runFolder;
}
