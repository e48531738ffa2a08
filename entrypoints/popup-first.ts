import { defineUnlistedScript } from '#imports';
import { paintFirst } from '../components/popup/first-paint';

// popup.html runs this classic script as it starts to parse, before the popup's module script.
export default defineUnlistedScript(() => void paintFirst(document));
