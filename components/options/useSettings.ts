import { useEffect, useState } from 'preact/hooks';
import { loadSettings, watchSettings, type ResolvedSettings } from '../../lib/settings';

/** The current settings, kept fresh: a policy change or a save in another tab shows at once. */
export function useSettings(): ResolvedSettings | undefined {
  const [settings, setSettings] = useState<ResolvedSettings>();
  useEffect(() => {
    let live = true;
    const stop = watchSettings(setSettings);
    void loadSettings().then((loaded) => live && setSettings((current) => current ?? loaded));
    return () => {
      live = false;
      stop();
    };
  }, []);
  return settings;
}
