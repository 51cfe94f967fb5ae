// Realistic options data, so the view can be worked on and tested without the extension.
import type { OptionsData } from '../shared/messages';
import { DEFAULT_SETTINGS } from '../shared/settings';

export function getMockOptionsData(): OptionsData {
  return {
    settings: { ...DEFAULT_SETTINGS, allowList: ['gordonramsay', 'xdevelopers'], blockList: ['dealsdaily_hq'] },
    stored: { seen: 412, authors: 57, days: 9 },
  };
}
