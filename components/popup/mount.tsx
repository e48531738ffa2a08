/** The popup rendered into its page (entrypoints/popup/main.tsx loads this once the first paint is on screen). */
import { render } from 'preact';
import type { FirstPaint } from './handoff';
import type { LastDashboard } from './last-dashboard';
import { Popup } from './Popup';

export function mountPopup(app: HTMLElement, first?: FirstPaint, opened?: LastDashboard): void {
  render(<Popup first={first} opened={opened} />, app);
}
