/** Mail sites CallFirst runs on; the manifest's host access and the content scripts both use this list. */
export const MAIL_MATCH_PATTERNS = {
  gmail: ['https://mail.google.com/*'],
  outlook: ['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*'],
} as const;
