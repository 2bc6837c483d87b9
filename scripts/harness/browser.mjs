// Headless Debian Chromium driven by playwright-core (Playwright's own browser download does
// not work offline). Playwright gives it a fresh temporary profile; its other side effects
// (crash reports under ~/.config, temp files) go into the run folder through the environment.
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from './install.mjs';

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const VIEWPORT = { width: 1400, height: 900 };

/** Launches Chromium and opens one page; close the returned browser to end it. */
export async function openBrowser(runFolder) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_FLAGS,
    env: runFolder.env,
    // Our own cleanup closes the browser on signals; Playwright's handlers would exit the process first.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  return { browser, page };
}
