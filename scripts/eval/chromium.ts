/** The system Chromium and the flags every run uses: a fresh profile is the caller's, no background traffic. */
export const CHROMIUM_PATH = process.env.KB_CHROMIUM || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
